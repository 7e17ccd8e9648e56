import { contract, startSystem, type TestSystem } from "./support/system";
import { scrape, valuesOf } from "./support/prometheus";
import { tokenFor } from "./support/test-auth";

/**
 * Each service's `/metrics`, counted exactly: the gateway's requests, latency and errors per operation and its calls
 * per subgraph, and each subgraph's database pool. Every figure starts from this file's own gateway (port 0).
 */
let system: TestSystem;
let participant: { id: string; center: number };

beforeAll(async () => {
  system = await startSystem();
  [participant] = await system.sql<{ id: string; center: number }>(
    "job-centers",
    "SELECT id, employment_center_id AS center FROM participant ORDER BY id LIMIT 1",
  );
});
afterAll(() => system?.stop());

const gatewayValue = async (name: string, labels: Record<string, string>) =>
  valuesOf(await scrape(system.gateway.url), name, labels).map((s) => s.value);

it("counts requests and their latency per operation, and each subgraph's calls", async () => {
  const token = await tokenFor("CENTER_MANAGER", participant.center);
  for (let i = 0; i < 3; i++) expect((await contract(system, "Participant360", { id: participant.id }, token)).errors).toBeUndefined();
  expect((await contract(system, "RegionDirectory", { code: "28" })).data?.region.name).toBe("인천광역시");

  expect(await gatewayValue("njsp_gateway_requests_total", { operation: "Participant360" })).toEqual([3]);
  expect(await gatewayValue("njsp_gateway_requests_total", { operation: "Participant360", status: "200" })).toEqual([3]);
  expect(await gatewayValue("njsp_gateway_request_duration_seconds_count", { operation: "Participant360" })).toEqual([3]);
  expect(await gatewayValue("njsp_gateway_requests_total", { operation: "RegionDirectory", status: "200" })).toEqual([1]);
  // job-centers owns the participant: one root call per request (RegionDirectory's region list is another)
  expect(await gatewayValue("njsp_gateway_subgraph_fetch_duration_seconds_count", { subgraph: "job-centers" })).toEqual([4]);
  expect(await gatewayValue("njsp_gateway_subgraph_fetch_errors_total", {})).toEqual([0, 0, 0, 0]);
});

it("labels a client's odd operation names other and counts errors by operation and code", async () => {
  const long = `Q${"x".repeat(64)}`;
  expect((await system.query(`query ${long} { __typename }`, {}, long)).data).toEqual({ __typename: "Query" });
  await system.query("query Broken { nosuchfield }", {}, "Broken");

  expect(await gatewayValue("njsp_gateway_requests_total", { operation: "other", status: "200" })).toEqual([1]);
  expect(await gatewayValue("njsp_gateway_requests_total", { operation: "Broken", status: "400" })).toEqual([1]);
  expect(await gatewayValue("njsp_gateway_errors_total", { operation: "Broken", code: "GRAPHQL_VALIDATION_FAILED" })).toEqual([1]);
});

it("counts a subgraph's failed calls and the errors they cause", async () => {
  const token = await tokenFor("CENTER_MANAGER", participant.center);
  await system.stopSubgraph("welfare-partners");
  for (let i = 0; i < 2; i++) {
    const { errors } = await contract(system, "Participant360", { id: participant.id }, token);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(["SUBGRAPH_UNAVAILABLE"]);
  }
  expect(await gatewayValue("njsp_gateway_subgraph_fetch_errors_total", { subgraph: "welfare-partners" })).toEqual([2]);
  expect(await gatewayValue("njsp_gateway_subgraph_fetch_errors_total", { subgraph: "job-centers" })).toEqual([0]);
  expect(await gatewayValue("njsp_gateway_errors_total", { operation: "Participant360", code: "SUBGRAPH_UNAVAILABLE" })).toEqual([2]);
  expect(await gatewayValue("njsp_gateway_requests_total", { operation: "Participant360", status: "200" })).toEqual([5]);
});

it("shows each subgraph's pool: every connection open, idle between requests, none waiting", async () => {
  const samples = valuesOf(await scrape(system.subgraphs["job-centers"].url), "njsp_db_pool_connections", { service: "job-centers" });
  // startSystem's pools have 4 connections, all opened at start
  expect(Object.fromEntries(samples.map((s) => [s.labels.state, s.value]))).toEqual({ total: 4, idle: 4, waiting: 0 });
  expect(valuesOf(await scrape(system.subgraphs["job-centers"].url), "sql_statements_total")).toHaveLength(1);
});
