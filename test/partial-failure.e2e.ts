import { contract, startSystem, type TestSystem } from "./support/system";

/** One agency's service down: the others' data still arrives, with an error that names the agency. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

it("answers Participant360 without the welfare partners, and says so", async () => {
  // a participant of the caller's center (21) with a referral
  const [row] = await system.sql(
    "welfare-partners",
    "SELECT r.participant_id FROM welfare_referral r JOIN participant_link l ON l.participant_id = r.participant_id AND l.office_kind = 'EMPLOYMENT_CENTER' AND l.office_id = 21 LIMIT 1",
  );
  const before = await contract(system, "Participant360", { id: row.participant_id });
  expect(before.data!.participant.welfareReferrals.length).toBeGreaterThan(0);

  await system.stopSubgraph("welfare-partners");
  const { data, errors } = await contract(system, "Participant360", { id: row.participant_id });
  expect(data!.participant).toMatchObject({ id: row.participant_id, name: before.data!.participant.name });
  expect(data!.participant.counselingSessions.totalCount).toBe(before.data!.participant.counselingSessions.totalCount);
  expect(data!.participant.welfareReferrals).toBeNull();
  expect(errors).toBeDefined();
  const error = errors!.find((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
  expect(error).toBeDefined();
  expect(error!.message).toMatch(/welfare partners/i);
  expect(error!.extensions!.serviceName).toBe("welfare-partners");
  expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stacktrace/);

  const report = await contract(system, "ProgramReport", { year: 2022 });
  expect(report.data!.programReport.regions).toHaveLength(17);
  expect(report.data!.programReport.regions[0].applicants).toBeGreaterThan(0);
  expect(report.data!.programReport.regions[0].welfareReferrals).toBeNull();
});
