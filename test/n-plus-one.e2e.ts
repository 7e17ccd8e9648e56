import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { contract, startSystem, type TestSystem } from "./support/system";

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

it("Caseload(first: 100) issues 3 / 1 / 1 / 1 statements", async () => {
  let response: Awaited<ReturnType<typeof contract>> | undefined;
  const counts = await statementsDuring(async () => {
    response = await contract(system, "Caseload", { first: 100 });
  });
  expect(response!.errors).toBeUndefined();
  expect(response!.data!.participants.edges).toHaveLength(100);
  console.log(`SQL statements for Caseload(first: 100): ${JSON.stringify(counts)}`);
  // job-centers: the page, its count, the centers; each other agency one batch for the whole page (never zero: a zero
  // would mean their flags were never resolved)
  expect(counts).toEqual({ "job-centers": 3, "local-job-centers": 1, "saeil-centers": 1, "welfare-partners": 1 });
});

it("the count does not grow with the page size", async () => {
  const small = await statementsDuring(() => contract(system, "Caseload", { first: 5 }));
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
  const id = referred.find((pid) => enrolled.has(pid) && found.has(pid) && served.has(pid));
  expect(id).toBeDefined();
  const p360 = await statementsDuring(() => contract(system, "Participant360", { id }));
  const report = await statementsDuring(() => contract(system, "ProgramReport", { year: 2022 }));
  console.log(`SQL statements for Participant360: ${JSON.stringify(p360)}; ProgramReport: ${JSON.stringify(report)}`);
  expect(report).toEqual({ "job-centers": 2, "local-job-centers": 1, "saeil-centers": 1, "welfare-partners": 1 });
  // one statement per field of the view at job-centers; the others: their records, then the offices they name
  expect(p360).toEqual({ "job-centers": 10, "local-job-centers": 4, "saeil-centers": 3, "welfare-partners": 2 });
});
