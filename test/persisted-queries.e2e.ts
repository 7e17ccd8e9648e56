import { createHash } from "node:crypto";
import { Kind, OperationTypeNode, parse, print } from "graphql";
import type { RunningGateway } from "../gateway/src/server";
import { bearer, gatewayVariant, post } from "./abuse/support";
import { CONTRACT, DEFAULT_TOKEN_USER, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * Automatic persisted queries (APQ) on every gateway, and safelist mode (`SAFELIST=true`): only the operations of
 * the client contract run, by their text or their hash (gateway/src/use-persisted-queries.ts).
 */
let system: TestSystem;
let token: string;
let safelisted: RunningGateway;
beforeAll(async () => {
  system = await startSystem();
  token = await tokenFor(DEFAULT_TOKEN_USER.role, DEFAULT_TOKEN_USER.org, DEFAULT_TOKEN_USER.sub);
  safelisted = await gatewayVariant(system, { safelist: true });
});
afterAll(async () => {
  await safelisted?.stop();
  await system?.stop();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe("automatic persisted queries", () => {
  const QUERY = '{ region(code: "28") { code name } }';
  const ANSWER = { data: { region: { code: "28", name: "인천광역시" } } };

  it("answer a hash they have not seen with PERSISTED_QUERY_NOT_FOUND; the retry with the query registers it", async () => {
    const miss = await post(system.gateway.url, { extensions: apq(sha256(QUERY)) }, bearer(token));
    expect([miss.status, miss.body]).toEqual([
      200,
      { errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] },
    ]);
    const register = await post(system.gateway.url, { query: QUERY, extensions: apq(sha256(QUERY)) }, bearer(token));
    expect([register.status, register.body]).toEqual([200, ANSWER]);
    const hit = await post(system.gateway.url, { extensions: apq(sha256(QUERY)) }, bearer(token));
    expect([hit.status, hit.body]).toEqual([200, ANSWER]);
  });

  it("refuse a hash that is not the query's", async () => {
    const answer = await post(system.gateway.url, { query: QUERY, extensions: apq(sha256("{ regions { code } }")) }, bearer(token));
    expect([answer.status, answer.body]).toEqual([
      400,
      { errors: [{ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } }] },
    ]);
  });
});

describe("safelist mode", () => {
  const all = parse(CONTRACT).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
  // the reads run against the shared seeded databases; the writes are refused by their subgraph below (nothing is
  // written), and run for real by contract-mutations.e2e.ts on scratch databases
  const operations = all.filter((o) => o.operation === OperationTypeNode.QUERY);
  const textOf = (name: string) => {
    const operation = all.find((o) => o.name!.value === name)!;
    return CONTRACT.slice(operation.loc!.start, operation.loc!.end);
  };
  let variables: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    const [p] = await system.sql(
      "job-centers",
      "SELECT id FROM participant WHERE employment_center_id = 21 ORDER BY applied_on DESC, id LIMIT 1",
    );
    const [local] = await system.sql("local-job-centers", "SELECT id FROM local_job_center WHERE region_code = '28' ORDER BY id LIMIT 1");
    variables = {
      Participant360: { id: p.id },
      Caseload: { filter: { employmentCenterId: "21" }, first: 3 },
      RegionDirectory: { code: "28" },
      ProgramReport: { year: 2022 },
      CenterYear: { id: "21", year: 2022 },
      LocalCenterYear: { id: String(local.id), year: 2022 },
      EmploymentCenters: { regionCode: "28" },
      WelfarePartners: { regionCode: "28" },
      ProgramBreakdown: { year: 2022, by: ["TRACK", "AGE_BAND"] },
    };
  });

  const NOT_REGISTERED = {
    errors: [
      {
        message: `Only registered operations run here (${all.map((o) => o.name!.value).join(", ")}); this one is not registered.`,
        extensions: { code: "PERSISTED_QUERY_NOT_IN_SAFELIST" },
      },
    ],
  };

  it("registers the contract's 9 queries and 30 mutations", () => {
    expect([operations.length, all.filter((o) => o.operation === OperationTypeNode.MUTATION).length]).toEqual([9, 30]);
    expect(NOT_REGISTERED.errors[0].message).toMatch(
      /^Only registered operations run here \(Participant360, Caseload, .*, ApplyForProgram, /,
    );
  });

  const withErrorsSorted = (body: { errors?: unknown[] }) =>
    body.errors ? { ...body, errors: [...body.errors].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) } : body;

  it("runs every contract query sent as the contract tests send it (the whole file and an operationName)", async () => {
    for (const operation of operations) {
      const name = operation.name!.value;
      const body = { query: CONTRACT, operationName: name, variables: variables[name] };
      const [answer, expected] = await Promise.all([
        post(safelisted.url, body, bearer(token)),
        post(system.gateway.url, body, bearer(token)),
      ]);
      // what the policies withhold (small counts, fields without consent) is an answer, not a failure of the safelist
      const failures = (answer.body.errors ?? []).filter((e: any) => !["SUPPRESSED", "FORBIDDEN"].includes(e.extensions?.code));
      expect([name, answer.status, failures]).toEqual([name, 200, []]);
      // the same errors, in whichever order the parallel subgraph calls happened to finish
      expect(withErrorsSorted(answer.body)).toEqual(withErrorsSorted(expected.body));
      expect(Object.values(answer.body.data).every((value) => value !== null)).toBe(true);
    }
  });

  it("runs each operation sent alone, as the file writes it or as graphql-js prints it, and by its APQ hash", async () => {
    for (const name of ["RegionDirectory", "Caseload"]) {
      const expected = await post(system.gateway.url, { query: CONTRACT, operationName: name, variables: variables[name] }, bearer(token));
      for (const query of [textOf(name), print(parse(textOf(name)))]) {
        const answer = await post(safelisted.url, { query, variables: variables[name] }, bearer(token));
        expect([answer.status, answer.body]).toEqual([200, expected.body]);
        // registered in advance: the hash alone works the first time
        const byHash = await post(safelisted.url, { extensions: apq(sha256(query)), variables: variables[name] }, bearer(token));
        expect([byHash.status, byHash.body]).toEqual([200, expected.body]);
      }
    }
    const wholeByHash = await post(
      safelisted.url,
      { extensions: apq(sha256(CONTRACT)), operationName: "EmploymentCenters", variables: variables.EmploymentCenters },
      bearer(token),
    );
    expect(wholeByHash.status).toBe(200);
    expect(wholeByHash.body.data.employmentCenters.length).toBeGreaterThan(0);
  });

  it("admits the contract's mutations too, by text (alone or in the whole file) and by APQ hash alone", async () => {
    // an application decided for nobody: the safelist lets it through, job-centers refuses it, nothing is written
    const variables = {
      input: {
        idempotencyKey: "persisted-queries-1",
        participantId: "00000000-0000-4000-8000-000000000000",
        expectedVersion: 1,
        eligible: true,
      },
    };
    const refusedByJobCenters = {
      data: null,
      errors: [
        {
          message: 'No participant with id "00000000-0000-4000-8000-000000000000" is served by your employment center.',
          path: ["decideEligibility"],
          extensions: { code: "BAD_USER_INPUT", argumentName: "participantId", serviceName: "job-centers" },
        },
      ],
    };
    const text = textOf("DecideEligibility");
    for (const body of [
      { query: CONTRACT, operationName: "DecideEligibility", variables },
      { query: text, variables },
      { query: print(parse(text)), variables },
      { extensions: apq(sha256(text)), variables },
      { extensions: apq(sha256(CONTRACT)), operationName: "DecideEligibility", variables },
    ]) {
      const answer = await post(safelisted.url, body, bearer(token));
      expect([answer.status, answer.body]).toEqual([200, refusedByJobCenters]);
    }
    const altered = await post(safelisted.url, { query: text.replace("eligibilityDecidedOn", "appliedOn"), variables }, bearer(token));
    expect([altered.status, altered.body]).toEqual([403, NOT_REGISTERED]);
  });

  it("register a mutation by APQ on a gateway without a safelist, as they do a query", async () => {
    const text = textOf("DeferParticipation");
    const variables = {
      input: {
        idempotencyKey: "persisted-queries-2",
        participantId: "00000000-0000-4000-8000-000000000000",
        expectedVersion: 3,
        resumesOn: "2023-01-01",
      },
    };
    const miss = await post(system.gateway.url, { extensions: apq(sha256(text)), variables }, bearer(token));
    expect(miss.body.errors).toEqual([{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }]);
    const register = await post(system.gateway.url, { query: text, extensions: apq(sha256(text)), variables }, bearer(token));
    const hit = await post(system.gateway.url, { extensions: apq(sha256(text)), variables }, bearer(token));
    expect([register.status, hit.status]).toEqual([200, 200]);
    expect(hit.body).toEqual(register.body);
    expect(hit.body.errors!.map((e: any) => [e.extensions.code, e.extensions.argumentName])).toEqual([["BAD_USER_INPUT", "participantId"]]);
  });

  it("accepts a registered operation over GET too", async () => {
    const search = new URLSearchParams({ query: textOf("RegionDirectory"), variables: JSON.stringify({ code: "28" }) });
    const response = await fetch(`${safelisted.url}?${search}`, { headers: { "apollo-require-preflight": "true", ...bearer(token) } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { region: { name: string } } }).data.region.name).toBe("인천광역시");
  });

  it("refuses anything else before parsing it: HTTP 403, PERSISTED_QUERY_NOT_IN_SAFELIST", async () => {
    const refused = [
      { query: '{ region(code: "28") { name } }' },
      { query: `${textOf("RegionDirectory")} `, variables: { code: "28" } }, // one space more is another text
      { query: "{ __schema { queryType { name } } }" },
      { query: "{ participants(first: " }, // not even parsed
      { extensions: apq(sha256('{ region(code: "28") { name } }')) },
      { query: '{ region(code: "28") { name } }', extensions: apq(sha256('{ region(code: "28") { name } }')) },
    ];
    for (const body of refused) {
      const answer = await post(safelisted.url, body, bearer(token));
      expect([answer.status, answer.body]).toEqual([403, NOT_REGISTERED]);
      expect(answer.ms).toBeLessThan(1000);
    }
    const search = new URLSearchParams({ query: '{ region(code: "28") { name } }' });
    const get = await fetch(`${safelisted.url}?${search}`, { headers: { "apollo-require-preflight": "true" } });
    expect([get.status, await get.json()]).toEqual([403, NOT_REGISTERED]);
  });

  it("leaves the gateway without a safelist open to ad-hoc queries", async () => {
    const answer = await post(system.gateway.url, { query: '{ region(code: "28") { name } }' }, bearer(token));
    expect([answer.status, answer.body]).toEqual([200, { data: { region: { name: "인천광역시" } } }]);
  });
});
