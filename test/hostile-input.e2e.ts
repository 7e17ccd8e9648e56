import { encodeCursor } from "@lib/graphql/pagination";
import { bearer, post, toSubgraph } from "./abuse/support";
import { contract, DEFAULT_TOKEN_USER, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * Every value a client controls is checked before it reaches SQL or a subgraph: what PostgreSQL would refuse with an
 * internal error (a NUL character in text, a date the calendar does not have) is the client's mistake,
 * BAD_USER_INPUT naming the argument, so a frontend can tell "you asked wrongly" from "we failed".
 */
let system: TestSystem;
let token: string;
beforeAll(async () => {
  system = await startSystem();
  token = await tokenFor(DEFAULT_TOKEN_USER.role, DEFAULT_TOKEN_USER.org, DEFAULT_TOKEN_USER.sub);
});
afterAll(() => system?.stop());

const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";
const NUL = (argument: string) => `"${argument}" contains a NUL character (\\u0000), which no text here can hold; remove it.`;
const IMPOSSIBLE_DATE = 'Date must be a calendar date written YYYY-MM-DD, such as "2022-03-01"; got "2022-02-30".';

/** The one error of a response, as [message, path, extensions]; nothing internal anywhere in it. */
function onlyError(response: { data?: unknown; errors?: Array<{ message: string; path?: unknown; extensions?: unknown }> }) {
  expect(JSON.stringify(response)).not.toMatch(/INTERNAL_SERVER_ERROR|invalid byte sequence|out of range|\bSELECT\b|stacktrace/);
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  return [error.message, error.path, error.extensions];
}

describe("a NUL character in any text argument", () => {
  it("in a filter variable: BAD_USER_INPUT naming the argument, not PostgreSQL's 'invalid byte sequence'", async () => {
    const response = await contract(system, "Caseload", { filter: { regionCode: "2\u00008" }, first: 5 });
    expect(response.data).toBeNull();
    expect(onlyError(response)).toEqual([
      NUL("filter.regionCode"),
      ["participants"],
      { code: "BAD_USER_INPUT", argumentName: "filter", serviceName: "job-centers" },
    ]);
  });

  it("written in the query, in a public directory, at each agency", async () => {
    const jobCenters = await system.query('{ employmentCenters(regionCode: "2\\u00008") { id } }', {}, undefined, null);
    expect(onlyError(jobCenters)).toEqual([
      NUL("regionCode"),
      ["employmentCenters"],
      { code: "BAD_USER_INPUT", argumentName: "regionCode", serviceName: "job-centers" },
    ]);
    const local = await system.query('{ localJobCenters(regionCode: "2\\u00008") { id } }', {}, undefined, null);
    expect(onlyError(local)).toEqual([
      NUL("regionCode"),
      ["localJobCenters"],
      { code: "BAD_USER_INPUT", argumentName: "regionCode", serviceName: "local-job-centers" },
    ]);
    const welfare = await contract(system, "WelfarePartners", { regionCode: "\u0000" });
    expect(onlyError(welfare)).toEqual([
      NUL("regionCode"),
      ["welfarePartners"],
      { code: "BAD_USER_INPUT", argumentName: "regionCode", serviceName: "welfare-partners" },
    ]);
  });

  it("in an id", async () => {
    const response = await contract(system, "CenterYear", { id: "2\u00001", year: 2022 });
    expect(onlyError(response)).toEqual([
      NUL("id"),
      ["employmentCenter"],
      { code: "BAD_USER_INPUT", argumentName: "id", serviceName: "job-centers" },
    ]);
  });
});

describe("a forged or corrupt cursor", () => {
  it.each([
    ["an impossible date", encodeCursor(["2022-02-30", UNKNOWN_UUID])],
    ["a month 13", encodeCursor(["2022-13-01", UNKNOWN_UUID])],
    ["an upper-case uuid", encodeCursor(["2022-03-01", "0B7E2F8A-1C2D-4E5F-8A9B-0C1D2E3F4A5B"])],
    ["a NUL character", encodeCursor(["2022-03-01\u0000", UNKNOWN_UUID])],
    ["a number for the date", encodeCursor([20220301, UNKNOWN_UUID])],
    ["not base64 JSON", "%%%"],
  ])("with %s: BAD_USER_INPUT naming after", async (_what, after) => {
    const response = await contract(system, "Caseload", { first: 5, after });
    expect(onlyError(response)).toEqual([
      `"after" is not a cursor returned by this field: ${JSON.stringify(after)}.`,
      ["participants"],
      { code: "BAD_USER_INPUT", argumentName: "after", serviceName: "job-centers" },
    ]);
  });

  it("of counselling sessions, with an impossible date", async () => {
    const [p] = await system.sql(
      "job-centers",
      "SELECT s.participant_id FROM counseling_session s JOIN participant p ON p.id = s.participant_id WHERE p.employment_center_id = 21 LIMIT 1",
    );
    const after = encodeCursor(["2021-02-29", 1]);
    const response = await system.query(
      `query($id: ID!, $after: String) { participant(id: $id) { counselingSessions(first: 2, after: $after) { totalCount } } }`,
      {
        id: p.participant_id,
        after,
      },
    );
    expect(onlyError(response)).toEqual([
      `"after" is not a cursor returned by this field: ${JSON.stringify(after)}.`,
      ["participant", "counselingSessions"],
      { code: "BAD_USER_INPUT", argumentName: "after", serviceName: "job-centers" },
    ]);
  });
});

describe("an impossible date", () => {
  it("written in the query: BAD_USER_INPUT from the subgraph, passed on by the gateway", async () => {
    const response = await system.query('{ participants(filter: { appliedFrom: "2022-02-30" }) { totalCount } }');
    expect(response.data).toBeNull();
    expect(onlyError(response)).toEqual([IMPOSSIBLE_DATE, undefined, { code: "BAD_USER_INPUT", serviceName: "job-centers" }]);
  });

  it("in a variable", async () => {
    const response = await contract(system, "Caseload", { filter: { appliedTo: "2022-02-30" } });
    expect(onlyError(response)).toEqual([
      `Variable "$filter" got invalid value "2022-02-30" at "filter.appliedTo"; ${IMPOSSIBLE_DATE}`,
      undefined,
      { code: "BAD_USER_INPUT", serviceName: "job-centers" },
    ]);
  });

  it("while a real leap day is answered", async () => {
    const response = await contract(system, "Caseload", { filter: { appliedFrom: "2024-02-29", appliedTo: "2024-02-29" }, first: 1 });
    expect(response.errors).toBeUndefined();
    const [{ n }] = await system.sql("job-centers", "SELECT count(*)::int AS n FROM participant WHERE applied_on = '2024-02-29'");
    expect(response.data!.participants.totalCount).toBe(n);
  });
});

describe("_entities sent straight to a subgraph", () => {
  const entities = (name: "job-centers" | "local-job-centers", selection: string, representations: unknown[]) =>
    toSubgraph(
      system,
      name,
      { query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, variables: { r: representations } },
      token,
    );

  it("answers the well-formed entries and refuses each malformed one alone, naming its id", async () => {
    const [p] = await system.sql("job-centers", "SELECT id, name FROM participant WHERE employment_center_id = 21 ORDER BY id LIMIT 1");
    const answer = await entities("job-centers", "... on Participant { id name }", [
      { __typename: "Participant", id: p.id },
      { __typename: "Participant", id: "not-a-uuid" },
      { __typename: "Participant", id: UNKNOWN_UUID },
      { __typename: "Participant", id: "2\u00008" },
      { __typename: "Nobody", id: p.id },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ _entities: [{ id: p.id, name: p.name }, null, null, null, null] });
    const errors = [...answer.body.errors!].sort((a, b) => Number(a.path![1]) - Number(b.path![1]));
    expect(errors.map((e) => [e.path, e.message, e.extensions])).toEqual([
      [
        ["_entities", 1],
        'Participant representation has a malformed id "not-a-uuid": expected a UUID.',
        { code: "BAD_USER_INPUT", argumentName: "representations", field: "id" },
      ],
      [["_entities", 3], NUL("representations[3].id"), { code: "BAD_USER_INPUT", argumentName: "representations" }],
      [
        ["_entities", 4],
        'representations[4] names no entity type of this service: __typename "Nobody".',
        { code: "BAD_USER_INPUT", argumentName: "representations" },
      ],
    ]);
  });

  it("refuses a malformed region code or report key alone", async () => {
    const regions = await entities("job-centers", "... on Region { code name }", [
      { __typename: "Region", code: "28" },
      { __typename: "Region", code: "28; DROP TABLE region" },
    ]);
    expect(regions.body.data._entities[0]).toEqual({ code: "28", name: "인천광역시" });
    expect(regions.body.errors!.map((e) => [e.path, e.message])).toEqual([
      [["_entities", 1], 'Region representation has a malformed code "28; DROP TABLE region": expected a legal-dong code such as "28".'],
    ]);
    const reports = await entities("local-job-centers", "... on RegionReport { outreachDiscovered }", [
      { __typename: "RegionReport", year: 2022, regionCode: "28" },
      { __typename: "RegionReport", year: "twenty", regionCode: "28" },
    ]);
    expect(typeof reports.body.data._entities[0].outreachDiscovered).toBe("number");
    expect(reports.body.data._entities[1]).toBeNull();
    expect(reports.body.errors!.map((e) => [e.path, e.message, e.extensions])).toEqual([
      [
        ["_entities", 1],
        'RegionReport representation has a malformed year "twenty": expected a year such as 2022.',
        { code: "BAD_USER_INPUT", argumentName: "representations", field: "year" },
      ],
    ]);
  });

  it("while the public query still answers null for an id of any shape that matches nobody", async () => {
    for (const id of ["not-a-uuid", UNKNOWN_UUID]) {
      expect(await contract(system, "Participant360", { id })).toEqual({ data: { participant: null } });
    }
  });
});

describe("a mutation the graph does not have", () => {
  it("is a validation error through the gateway: HTTP 400, GRAPHQL_VALIDATION_FAILED, not 500", async () => {
    const answer = await post(system.gateway.url, { query: 'mutation { region(code: "28") { name } }' }, bearer(token));
    expect([answer.status, answer.body]).toEqual([
      400,
      {
        errors: [
          {
            message: 'Cannot query field "region" on type "Mutation".',
            locations: [{ line: 1, column: 12 }],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          },
        ],
      },
    ]);
  });
});
