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
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, system.subgraphs[name].sqlCounter.total - before[i]])) as Record<SubgraphName, number>;
}

it("Caseload(first: 100) issues at most 3 statements per subgraph", async () => {
  let response: Awaited<ReturnType<typeof contract>> | undefined;
  const counts = await statementsDuring(async () => {
    response = await contract(system, "Caseload", { first: 100 });
  });
  expect(response!.errors).toBeUndefined();
  expect(response!.data!.participants.edges).toHaveLength(100);
  console.log(`SQL statements for Caseload(first: 100): ${JSON.stringify(counts)}`);
  for (const name of SUBGRAPH_NAMES) expect([name, counts[name]]).toEqual([name, expect.any(Number)]);
  for (const name of SUBGRAPH_NAMES) expect(counts[name]).toBeLessThanOrEqual(3);
  // the other agencies were asked at all (a zero would mean their flags were never resolved)
  expect(counts["welfare-partners"]).toBeGreaterThan(0);
  expect(counts["saeil-centers"]).toBeGreaterThan(0);
  expect(counts["local-job-centers"]).toBeGreaterThan(0);
});

it("the count does not grow with the page size", async () => {
  const small = await statementsDuring(() => contract(system, "Caseload", { first: 5 }));
  const large = await statementsDuring(() => contract(system, "Caseload", { first: 100 }));
  expect(large).toEqual(small);
});

it("Participant360 and ProgramReport use a fixed number of statements", async () => {
  // a participant with records at all four agencies, so that every field of the view has rows to load
  const referred = (await system.sql("welfare-partners", "SELECT participant_id FROM welfare_referral")).map((r) => r.participant_id);
  const enrolled = new Set((await system.sql("saeil-centers", "SELECT participant_id FROM saeil_enrollment")).map((r) => r.participant_id));
  const found = new Set((await system.sql("local-job-centers", "SELECT participant_id FROM outreach WHERE participant_id IS NOT NULL")).map((r) => r.participant_id));
  const id = referred.find((pid) => enrolled.has(pid) && found.has(pid));
  const p360 = await statementsDuring(() => contract(system, "Participant360", { id }));
  const report = await statementsDuring(() => contract(system, "ProgramReport", { year: 2022 }));
  console.log(`SQL statements for Participant360: ${JSON.stringify(p360)}; ProgramReport: ${JSON.stringify(report)}`);
  for (const name of SUBGRAPH_NAMES) expect(report[name]).toBeLessThanOrEqual(2);
  expect(p360["job-centers"]).toBeLessThanOrEqual(10);
  expect(p360["saeil-centers"]).toBeLessThanOrEqual(3);
  expect(p360["local-job-centers"]).toBeLessThanOrEqual(4);
  expect(p360["welfare-partners"]).toBeLessThanOrEqual(2);
});
