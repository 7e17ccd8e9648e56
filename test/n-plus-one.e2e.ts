import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { contract, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/** Proof that nothing is N+1: SQL statements per subgraph stay flat whatever the page size. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

async function statementsDuring(run: () => Promise<unknown>): Promise<Record<SubgraphName, number>> {
  const before = SUBGRAPH_NAMES.map((name) => system.subgraphs[name].sqlCounter.total);
  await run();
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, system.subgraphs[name].sqlCounter.total - before[i]])) as Record<
    SubgraphName,
    number
  >;
}

it("Caseload(first: 100) issues 4 / 2 / 2 / 3 statements", async () => {
  let response: Awaited<ReturnType<typeof contract>> | undefined;
  const counts = await statementsDuring(async () => {
    response = await contract(system, "Caseload", { first: 100 });
  });
  // fields the people on the page did not consent to share come back refused, one error each (contract.e2e.ts checks which)
  expect((response!.errors ?? []).filter((e) => e.extensions?.code !== "FORBIDDEN")).toEqual([]);
  expect(response!.data!.participants.edges).toHaveLength(100);
  console.log(`SQL statements for Caseload(first: 100): ${JSON.stringify(counts)}`);
  // job-centers: the page, its count, the centers; each other agency one batch of records for the whole page, with
  // the page's relationships and consents in the same statement (never zero: a zero would mean their flags were never
  // resolved; welfare also names the partners); everywhere one access-log row for the request
  expect(counts).toEqual({ "job-centers": 4, "local-job-centers": 2, "saeil-centers": 2, "welfare-partners": 3 });
});

it("the count does not grow with the page size", async () => {
  // 50 and 100: pages large enough that each holds records another agency withholds, so every row rule runs in both
  const small = await statementsDuring(() => contract(system, "Caseload", { first: 50 }));
  const large = await statementsDuring(() => contract(system, "Caseload", { first: 100 }));
  expect(large).toEqual(small);
});

it("Participant360 and ProgramReport use a fixed number of statements", async () => {
  // a participant with records at all four agencies (local services too), so that every field of the view has rows
  const ids = (name: SubgraphName, sql: string) =>
    system.sql(name, sql).then((rows) => new Set(rows.map((r) => r.participant_id as string)));
  const referred = [...(await ids("welfare-partners", "SELECT participant_id FROM welfare_referral ORDER BY id"))];
  const enrolled = await ids("saeil-centers", "SELECT participant_id FROM saeil_enrollment");
  const found = await ids("local-job-centers", "SELECT participant_id FROM outreach WHERE participant_id IS NOT NULL");
  const served = await ids("local-job-centers", "SELECT participant_id FROM local_service_use");
  // …who consented to the employment center seeing the other three agencies' records, read by their center's manager
  const consented = await ids(
    "job-centers",
    `SELECT participant_id FROM participant_consent WHERE viewer_kind = 'EMPLOYMENT_CENTER' AND withdrawn_at IS NULL
     GROUP BY 1 HAVING count(DISTINCT records_kind) = 3`,
  );
  const id = referred.find((pid) => consented.has(pid) && enrolled.has(pid) && found.has(pid) && served.has(pid));
  expect(id).toBeDefined();
  const [{ center }] = await system.sql("job-centers", "SELECT employment_center_id AS center FROM participant WHERE id = $1", [id]);
  const manager = await tokenFor("CENTER_MANAGER", center);
  const p360 = await statementsDuring(() => contract(system, "Participant360", { id }, manager));
  const report = await statementsDuring(() => contract(system, "ProgramReport", { year: 2022 }));
  console.log(`SQL statements for Participant360: ${JSON.stringify(p360)}; ProgramReport: ${JSON.stringify(report)}`);
  expect(report).toEqual({ "job-centers": 2, "local-job-centers": 1, "saeil-centers": 1, "welfare-partners": 1 });
  // one statement per field of the view at job-centers; the others: their records with the person's relationships
  // and consents (one statement per kind of record), then the offices they name; everywhere one access-log row
  // (local job centers: the offices the outreach and the service uses name are one batch, or two when one kind of
  // record arrives a tick before the other; a fixed bound either way)
  const { "local-job-centers": local, ...others } = p360;
  expect(others).toEqual({ "job-centers": 11, "saeil-centers": 4, "welfare-partners": 3 });
  expect([4, 5]).toContain(local);
});

it("the fields that read back what the writes record add one statement each, whatever the page size", async () => {
  // the manager's caseload with every such field: one batch per field (and per agency one of the rules' lookups)
  const query = `query CaseloadRecords($first: Int) { participants(first: $first) { edges { node { id
    jobSearchActivities { id } shortHoursJobs { employedOn } source { outreachId } deferral { deferredOn } closure { closedOn }
    followUp { startedOn } rejectionReason
    saeilInternships { id } saeilEnrollments { participantEmployedOn participantClosedOn }
    welfareReferrals { participantEmployedOn participantClosedOn } } } } }`;
  const run = (first: number) => statementsDuring(() => system.query(query, { first }, "CaseloadRecords"));
  const small = await run(50);
  const large = await run(100);
  console.log(`SQL statements for CaseloadRecords(first: 100): ${JSON.stringify(large)}`);
  expect(large).toEqual(small);
  // job-centers: the page (no totalCount asked), the three new loaders (deferral, closure, follow-up and the reasons are the
  // participant's own columns), the access-log row; Saeil: enrollments and internships (each bringing the rules'
  // lookup along), notices, the log; welfare: referrals (with the rules' lookup), notices, the log (the notices' guard
  // uses the lookup the records primed)
  expect(large).toEqual({ "job-centers": 5, "local-job-centers": 0, "saeil-centers": 4, "welfare-partners": 3 });
});
