import { contract, startSystem, type TestSystem } from "./support/system";

/** Malformed arguments get BAD_USER_INPUT with a message a person understands, and nothing internal leaks. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

function expectBadInput(
  response: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  mentions: string,
) {
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions?.code).toBe("BAD_USER_INPUT");
  expect(error.message).toContain(mentions);
  expect(JSON.stringify(response)).not.toMatch(/stacktrace|SELECT|at .*\.js|node_modules/);
}

describe("argument errors", () => {
  it.each([0, -1, 101, 1000])("rejects first: %d", async (first) => {
    expectBadInput(await contract(system, "Caseload", { first }), "between 1 and 100");
  });

  it.each(["garbage", "eyJ4IjoxfQ", Buffer.from('["2022-01-01","not-a-uuid"]').toString("base64url")])(
    "rejects the corrupt cursor %s",
    async (after) => {
      expectBadInput(await contract(system, "Caseload", { first: 10, after }), "cursor");
    },
  );

  it("rejects a date range that ends before it starts", async () => {
    expectBadInput(await contract(system, "Caseload", { filter: { appliedFrom: "2023-01-01", appliedTo: "2022-01-01" } }), "appliedFrom");
  });

  it("rejects a malformed date and an unknown enum value at validation", async () => {
    const badDate = await contract(system, "Caseload", { filter: { appliedFrom: "2022-13-45" } });
    expect(badDate.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const badStage = await contract(system, "Caseload", { filter: { stage: "HAPPY" } });
    expect(badStage.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("rejects a corrupt counselling-session cursor inside Participant360-like queries", async () => {
    const [p] = await system.sql("job-centers", "SELECT participant_id FROM counseling_session LIMIT 1");
    const response = await system.query(
      `query($id: ID!) { participant(id: $id) { counselingSessions(first: 2, after: "nope") { totalCount } } }`,
      { id: p.participant_id },
    );
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps parse errors readable and without internals", async () => {
    const response = await system.query("{ participants(first: ");
    expect(response.errors?.[0].extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(JSON.stringify(response)).not.toMatch(/stacktrace/);
  });
});

describe("counselling sessions", () => {
  it("pages with first/after and keeps the whole count", async () => {
    const [p] = await system.sql(
      "job-centers",
      "SELECT s.participant_id, count(*)::int AS n FROM counseling_session s JOIN participant p ON p.id = s.participant_id WHERE p.employment_center_id = 21 GROUP BY 1 HAVING count(*) >= 6 LIMIT 1",
    );
    const q = `query($id: ID!, $after: String) { participant(id: $id) { counselingSessions(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id heldOn } } } } }`;
    const page1 = (await system.query(q, { id: p.participant_id })).data!.participant.counselingSessions;
    const page2 = (await system.query(q, { id: p.participant_id, after: page1.pageInfo.endCursor })).data!.participant.counselingSessions;
    expect(page1.totalCount).toBe(p.n);
    expect(page2.totalCount).toBe(p.n);
    const ids = [...page1.edges, ...page2.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(6);
    expect(page1.edges.at(-1).node.heldOn >= page2.edges[0].node.heldOn).toBe(true);
  });
});
