import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner";
import { appendAccessLog, type AccessEntry } from "@lib/audit/access-log-row";
import { APPEND_GROUP_SQL, createAccessLogWriter } from "@lib/audit/access-log-writer";
import { verifyChain, verifyDatabase } from "@lib/audit/verify-chain";
import { userOf } from "@lib/auth/viewer";
import type { Role } from "@lib/auth/roles";
import { PROJECT_ROOT } from "@lib/config/paths";
import { addAccessLogChains } from "@lib/db/access-log-chains";
import { cancellableQueries, runAbandonable } from "@lib/db/cancel-abandoned-queries";
import { createDataSource, initializeWithRetries } from "@lib/db/data-source";
import { createAccessLogTables } from "@lib/db/access-log-tables";
import { withDatabase } from "@lib/db/database-url";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@subgraphs/registry";
import { CONTRACT, startSystem, type GraphQLResponse, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";
import { testDatabaseUrls } from "./support/test-env";

/**
 * The tamper-evident access log (issue 8): every read of a participant's personal data is logged by each agency that
 * served it, in one row per request, chained by hash, append-only, verifiable, and readable by auditors only.
 * Other test files append to the same logs at the same time: every assertion is limited to this file's request ids
 * or to its users, whose token subjects are unique to the run.
 */
let system: TestSystem;
const RUN = randomUUID().slice(0, 8);
const subOf = (who: string) => `al-${RUN}-${who}`;
/** How the gateway names the client of a request sent from this process to 127.0.0.1. */
const CLIENT_ADDRESS = "127.0.0.1";
const CONTRACT_HASH = createHash("sha256").update(CONTRACT).digest("hex");

/** A participant of `center` with records at all four agencies, who consented to the center seeing all of them. */
let person: string;
/** Another participant of the same center (visible to its staff), and one of another center (not visible). */
let neighbour: string;
let stranger: string;
let center: number;

beforeAll(async () => {
  system = await startSystem();
  const ids = async (name: SubgraphName, sql: string) => new Set((await system.sql(name, sql)).map((r) => r.participant_id as string));
  const referred = await ids("welfare-partners", "SELECT participant_id FROM welfare_referral");
  const enrolled = await ids("saeil-centers", "SELECT participant_id FROM saeil_enrollment");
  const found = await ids("local-job-centers", "SELECT participant_id FROM outreach WHERE participant_id IS NOT NULL");
  const consented = await ids(
    "job-centers",
    `SELECT participant_id FROM participant_consent WHERE viewer_kind = 'EMPLOYMENT_CENTER' AND withdrawn_at IS NULL
     GROUP BY 1 HAVING count(DISTINCT records_kind) = 3`,
  );
  // from the other end of the list than the other test files take theirs, so that few others read this person
  const candidates = [...referred].sort().reverse();
  person = candidates.find((id) => consented.has(id) && enrolled.has(id) && found.has(id))!;
  expect(person).toBeDefined();
  const [row] = await system.sql("job-centers", "SELECT employment_center_id AS center FROM participant WHERE id = $1", [person]);
  center = row.center as number;
  const [n] = await system.sql(
    "job-centers",
    "SELECT id FROM participant WHERE employment_center_id = $1 AND id <> $2 ORDER BY id DESC LIMIT 1",
    [center, person],
  );
  const [s] = await system.sql("job-centers", "SELECT id FROM participant WHERE employment_center_id <> $1 ORDER BY id DESC LIMIT 1", [
    center,
  ]);
  neighbour = n.id as string;
  stranger = s.id as string;
});
afterAll(() => system?.stop());

interface Answer {
  status: number;
  requestId: string;
  body: GraphQLResponse<any>;
}

/** Posts to the gateway as a client does, keeping the response's `x-request-id`. */
async function send(
  query: string,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(system.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const requestId = response.headers.get("x-request-id");
  expect(requestId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  return { status: response.status, requestId: requestId!, body: (await response.json()) as GraphQLResponse<any> };
}

const runContract = (operationName: string, variables: Record<string, unknown>, token: string | null) =>
  send(CONTRACT, variables, operationName, token);

const counselor = (who: string, office = center) => tokenFor("COUNSELOR", office, subOf(who));

interface LogRow {
  id: string;
  action: string;
  subgraph: string;
  user_sub: string;
  user_role: string;
  office_kind: string | null;
  office_id: number | null;
  operation_name: string | null;
  operation_hash: string;
  participant_ids: string[];
  client_address: string;
  request_id: string;
}

const ROW_COLUMNS = `id::text AS id, action, subgraph, user_sub, user_role, office_kind, office_id, operation_name, operation_hash,
  participant_ids::text[] AS participant_ids, client_address, request_id`;

/** The rows of one agency's log written for these requests, in log order, without their ids. */
async function rowsOf(name: SubgraphName, requestIds: string[]): Promise<Array<Omit<LogRow, "id">>> {
  const rows = await system.sql<LogRow>(name, `SELECT ${ROW_COLUMNS} FROM access_log WHERE request_id = ANY($1::text[]) ORDER BY id`, [
    requestIds,
  ]);
  return rows.map(({ id: _id, ...rest }) => rest);
}

async function rowsEverywhere(requestIds: string[]): Promise<Record<SubgraphName, Array<Omit<LogRow, "id">>>> {
  const entries = await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await rowsOf(name, requestIds)] as const));
  return Object.fromEntries(entries) as Record<SubgraphName, Array<Omit<LogRow, "id">>>;
}

const NO_ROWS = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, []])) as unknown as Record<SubgraphName, never[]>;

/** The row a counsellor's request should leave in `name`'s log. */
function counselorRow(
  name: SubgraphName,
  who: string,
  answer: Answer,
  operationName: string,
  participantIds: string[],
  hash = CONTRACT_HASH,
) {
  return {
    action: "READ",
    subgraph: name,
    user_sub: subOf(who),
    user_role: "COUNSELOR",
    office_kind: "EMPLOYMENT_CENTER",
    office_id: center,
    operation_name: operationName,
    operation_hash: hash,
    participant_ids: [...participantIds].sort(),
    client_address: CLIENT_ADDRESS,
    request_id: answer.requestId,
  };
}

const forbidden = (response: GraphQLResponse) =>
  (response.errors ?? [])
    .filter((e) => e.extensions?.code === "FORBIDDEN")
    .map((e) => ({ path: e.path, field: e.extensions?.field, reason: e.extensions?.reason }));

describe("every read of a participant's personal data is logged by each agency that served it", () => {
  it("Participant360: one row in each of the four logs, naming the user, the office, the person, the operation, the client and the request", async () => {
    const answer = await runContract("Participant360", { id: person }, await counselor("p360"));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const p = answer.body.data!.participant;
    expect(p.id).toBe(person);
    // the person's records really came from every agency
    expect(p.outreach).not.toBeNull();
    expect(p.saeilEnrollments.length).toBeGreaterThan(0);
    expect(p.welfareReferrals.length).toBeGreaterThan(0);
    expect(await rowsEverywhere([answer.requestId])).toEqual(
      Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, [counselorRow(name, "p360", answer, "Participant360", [person])]])),
    );
  });

  it("a request id the client sends is kept, and the log records it", async () => {
    const requestId = `al-${RUN}-client-chosen-id`;
    const answer = await send(CONTRACT, { id: person }, "Participant360", await counselor("chosen-id"), { "x-request-id": requestId });
    expect(answer.requestId).toBe(requestId);
    expect(answer.body.errors).toBeUndefined();
    const rows = await rowsEverywhere([requestId]);
    for (const name of SUBGRAPH_NAMES) expect(rows[name]).toEqual([counselorRow(name, "chosen-id", answer, "Participant360", [person])]);
  });

  it("two identical requests in flight at once are each logged, under their own request id (no shared subgraph call)", async () => {
    const token = await counselor("twins");
    const [a, b] = await Promise.all([
      runContract("Participant360", { id: person }, token),
      runContract("Participant360", { id: person }, token),
    ]);
    expect(a.requestId).not.toBe(b.requestId);
    expect(a.body).toEqual(b.body);
    for (const answer of [a, b]) {
      expect(await rowsEverywhere([answer.requestId])).toEqual(
        Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, [counselorRow(name, "twins", answer, "Participant360", [person])]])),
      );
    }
  });

  it("a Caseload page logs every listed participant, in one row per agency for the request", async () => {
    const answer = await runContract(
      "Caseload",
      { filter: { employmentCenterId: String(center) }, first: 100 },
      await counselor("caseload"),
    );
    expect(answer.status).toBe(200);
    const edges = answer.body.data!.participants.edges as Array<{ node: { id: string } }>;
    const [{ total }] = await system.sql("job-centers", "SELECT count(*)::int AS total FROM participant WHERE employment_center_id = $1", [
      center,
    ]);
    expect(answer.body.data!.participants.totalCount).toBe(total);
    expect(edges).toHaveLength(Math.min(100, total));
    const page = edges.map((e) => e.node.id);
    // refused for want of consent: that field of that person was not given out, so that agency did not serve them
    const refusedAt = (field: string) =>
      new Set(
        (answer.body.errors ?? [])
          .filter((e) => e.extensions?.code === "FORBIDDEN" && e.path?.length === 5 && e.path[4] === field)
          .map((e) => page[e.path![2] as number]),
      );
    expect((answer.body.errors ?? []).filter((e) => e.extensions?.code !== "FORBIDDEN")).toEqual([]);
    const localRefused = refusedAt("outreach");
    const saeilRefused = refusedAt("saeilEnrollments");
    // such a page holds people whose records another agency withholds: the refusals below are really exercised
    expect(localRefused.size + saeilRefused.size).toBeGreaterThan(0);
    const served = (refused: Set<string>) => page.filter((id) => !refused.has(id));
    expect(await rowsEverywhere([answer.requestId])).toEqual({
      "job-centers": [counselorRow("job-centers", "caseload", answer, "Caseload", page)],
      "local-job-centers": [counselorRow("local-job-centers", "caseload", answer, "Caseload", served(localRefused))],
      "saeil-centers": [counselorRow("saeil-centers", "caseload", answer, "Caseload", served(saeilRefused))],
      "welfare-partners": [counselorRow("welfare-partners", "caseload", answer, "Caseload", served(refusedAt("welfareReferrals")))],
    });
  });

  it("a request that reads no person adds no row: RegionDirectory, ProgramReport", async () => {
    const token = await counselor("no-person");
    const directory = await runContract("RegionDirectory", { code: "28" }, token);
    expect(directory.body.data?.region.name).toBe("인천광역시");
    const report = await runContract("ProgramReport", { year: 2022 }, token);
    expect(report.body.data?.programReport.regions).toHaveLength(17);
    expect(await rowsEverywhere([directory.requestId, report.requestId])).toEqual(NO_ROWS);
  });

  it("a refused read is not logged: a participant of another center is null and leaves no row", async () => {
    const answer = await runContract("Participant360", { id: stranger }, await counselor("stranger"));
    expect(answer.body.data).toEqual({ participant: null });
    expect(await rowsEverywhere([answer.requestId])).toEqual(NO_ROWS);
  });

  it("in one request, the visible participant is logged and the refused one is not", async () => {
    const query = `query Two($a: ID!, $b: ID!) { a: participant(id: $a) { id name stage } b: participant(id: $b) { id name stage } }`;
    const answer = await send(query, { a: neighbour, b: stranger }, "Two", await counselor("two"));
    expect(answer.body.data?.a.id).toBe(neighbour);
    expect(answer.body.data?.b).toBeNull();
    const hash = createHash("sha256").update(query).digest("hex");
    expect(await rowsEverywhere([answer.requestId])).toEqual({
      ...NO_ROWS,
      "job-centers": [counselorRow("job-centers", "two", answer, "Two", [neighbour], hash)],
    });
  });

  it("a caller reaching a subgraph directly is logged under its own address and operation: the trace headers it forges are ignored", async () => {
    const query = `query Direct($id: ID!) { participant(id: $id) { id name } }`;
    const requestId = `al-${RUN}-direct-call`;
    const response = await fetch(system.subgraphs["job-centers"].url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await counselor("direct-read")}`,
        "x-request-id": requestId,
        // what only the gateway (presenting its credential) may tell a subgraph
        "x-njsp-client-address": "10.1.2.3",
        "x-njsp-operation-name": "Forged",
        "x-njsp-operation-hash": "ab".repeat(32),
      },
      body: JSON.stringify({ query, variables: { id: person }, operationName: "Direct" }),
    });
    const body = (await response.json()) as GraphQLResponse<any>;
    expect(body.data?.participant.id).toBe(person);
    const answer = { status: response.status, requestId, body };
    const hash = createHash("sha256").update(query).digest("hex");
    expect(await rowsEverywhere([requestId])).toEqual({
      ...NO_ROWS,
      "job-centers": [counselorRow("job-centers", "direct-read", answer, "Direct", [person], hash)],
    });
  });

  it("a participant's id alone is no personal data: asking only for it adds no row", async () => {
    const answer = await send(
      `query OnlyId($id: ID!) { participant(id: $id) { id } }`,
      { id: person },
      "OnlyId",
      await counselor("only-id"),
    );
    expect(answer.body.data).toEqual({ participant: { id: person } });
    expect(await rowsEverywhere([answer.requestId])).toEqual(NO_ROWS);
  });
});

describe("the log is append-only, for the service's own database role", () => {
  let requestId: string;
  beforeAll(async () => {
    requestId = (await runContract("Participant360", { id: person }, await counselor("append-only"))).requestId;
  });

  it.each(SUBGRAPH_NAMES)("%s: UPDATE, DELETE and TRUNCATE are refused and the row is unchanged", async (name) => {
    const [before] = await system.sql(name, `SELECT *, encode(hash, 'hex') AS hex FROM access_log WHERE request_id = $1`, [requestId]);
    expect(before).toBeDefined();
    // the role the subgraph connects with; each attempt in a transaction rolled back, should it ever succeed
    const client = new Client({ connectionString: testDatabaseUrls()[name] });
    await client.connect();
    const attempt = async (sql: string, params: unknown[] = []) => {
      await client.query("BEGIN");
      try {
        await client.query(sql, params);
        return null;
      } catch (error) {
        const e = error as { code?: string; message: string };
        return { code: e.code, message: e.message };
      } finally {
        await client.query("ROLLBACK");
      }
    };
    try {
      expect(await attempt("UPDATE access_log SET user_sub = 'someone-else' WHERE id = $1", [before.id])).toEqual({
        code: "42501",
        message: "access_log is append-only: UPDATE refused",
      });
      // statement-level: refused even when it matches no row
      expect(await attempt("UPDATE access_log SET user_sub = user_sub WHERE false")).toEqual({
        code: "42501",
        message: "access_log is append-only: UPDATE refused",
      });
      expect(await attempt("DELETE FROM access_log WHERE id = $1", [before.id])).toEqual({
        code: "42501",
        message: "access_log is append-only: DELETE refused",
      });
      expect(await attempt("TRUNCATE access_log")).toEqual({ code: "42501", message: "access_log is append-only: TRUNCATE refused" });
    } finally {
      await client.end();
    }
    const [after] = await system.sql(name, `SELECT *, encode(hash, 'hex') AS hex FROM access_log WHERE id = $1`, [before.id]);
    expect(after).toEqual(before);
  });
});

/** A scratch database of this run, dropped at the end: the log's migration, rows appended as the services append them. */
describe("tamper detection", () => {
  const urls = () => testDatabaseUrls();
  const adminUrl = () => withDatabase(urls()["job-centers"], "postgres");
  const scratchName = `njsp_al_scratch_${RUN}`;
  const serviceRole = `njsp_al_service_${RUN}`;
  const scratchUrl = () => withDatabase(adminUrl(), scratchName);
  let admin: Client;
  let db: Client;
  /** The rows as appended: id → hash (hex). */
  let hashes: Map<string, string>;

  const entry = (i: number): AccessEntry => ({
    action: "READ",
    subgraph: "welfare-partners",
    viewer: userOf({ sub: `counselor-${i}`, name: "Test", role: "COUNSELOR", org: 21 }),
    trace: { requestId: `scratch-request-${i}`, clientAddress: "10.0.0.7", operation: null },
    operation: { name: "Participant360", hash: "ab".repeat(32) },
    participantIds: [randomUUID(), randomUUID()],
  });

  beforeAll(async () => {
    admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratchName}`);
    db = new Client({ connectionString: scratchUrl() });
    await db.connect();
    await createAccessLogTables(db);
    await addAccessLogChains(db);
    for (let i = 1; i <= 5; i++) await appendAccessLog(db, entry(i));
    const { rows } = await db.query<{ id: string; hash: string }>(
      "SELECT id::text AS id, encode(hash, 'hex') AS hash FROM access_log ORDER BY id",
    );
    hashes = new Map(rows.map((r) => [r.id, r.hash]));
    // a copy to put rows back from between the cases
    await db.query("CREATE TABLE saved AS SELECT * FROM access_log");
  });
  afterAll(async () => {
    await db?.end();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${serviceRole}`);
      await admin.end();
    }
  });

  /** As an attacker with superuser rights: the trigger off, the change, the trigger on again. */
  const tamper = async (...statements: string[]) => {
    await db.query("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
    try {
      for (const sql of statements) await db.query(sql);
    } finally {
      await db.query("ALTER TABLE access_log ENABLE TRIGGER access_log_append_only");
    }
  };
  const restore = () => tamper("DELETE FROM access_log", "INSERT INTO access_log OVERRIDING SYSTEM VALUE SELECT * FROM saved ORDER BY id");

  // one append at a time: every row in chain 0, one chain as before there were several
  const intact = () => ({
    rows: 5,
    head: { id: "5", hash: hashes.get("5") },
    heads: [{ chain: 0, id: "5", hash: hashes.get("5") }],
    broken: null,
  });
  const altered = (rowId: string, rows: number) => ({
    rows,
    head: null,
    heads: null,
    broken: { rowId, reason: "its content does not match its hash: the row was altered" },
  });
  const unlinked = (rowId: string, before: string, rows: number) => ({
    rows,
    head: null,
    heads: null,
    broken: {
      rowId,
      reason: `its prev_hash is not the hash of row ${before}, the row before it: rows between them were deleted, or row ${before} was altered`,
    },
  });

  it("rows appended through access_log_append form an intact chain, from 32 zero bytes", async () => {
    const { rows } = await db.query<{ id: string; prev: string; hash: string }>(
      "SELECT id::text AS id, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash FROM access_log ORDER BY id",
    );
    expect(rows.map((r) => r.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(rows.map((r) => r.prev)).toEqual(["00".repeat(32), ...rows.slice(0, -1).map((r) => r.hash)]);
    expect(await verifyDatabase(scratchUrl())).toEqual(intact());
  });

  it("an edited row is reported at that row", async () => {
    await tamper("UPDATE access_log SET user_sub = 'someone-else' WHERE id = 3");
    try {
      expect(await verifyDatabase(scratchUrl())).toEqual(altered("3", 3));
      // the same across a batch boundary
      expect(await verifyChain(db, 2)).toEqual(altered("3", 3));
    } finally {
      await restore();
    }
    expect(await verifyDatabase(scratchUrl())).toEqual(intact());
  });

  it("an edited participant list is reported at that row", async () => {
    await tamper("UPDATE access_log SET participant_ids = participant_ids[1:1] WHERE id = 2");
    try {
      expect(await verifyDatabase(scratchUrl())).toEqual(altered("2", 2));
    } finally {
      await restore();
    }
  });

  it("an edited row whose hash the attacker recomputed is reported at the next row", async () => {
    await tamper(
      "UPDATE access_log SET user_sub = 'someone-else' WHERE id = 3",
      "UPDATE access_log l SET hash = sha256(l.prev_hash || convert_to(access_log_row_text(l), 'UTF8')) WHERE id = 3",
    );
    try {
      expect(await verifyDatabase(scratchUrl())).toEqual(unlinked("4", "3", 4));
    } finally {
      await restore();
    }
  });

  it("a deleted row is reported at the row after it", async () => {
    await tamper("DELETE FROM access_log WHERE id = 3");
    try {
      expect(await verifyDatabase(scratchUrl())).toEqual(unlinked("4", "2", 3));
      expect(await verifyChain(db, 1)).toEqual(unlinked("4", "2", 3));
    } finally {
      await restore();
    }
  });

  it("a deleted first row is reported at the second", async () => {
    await tamper("DELETE FROM access_log WHERE id = 1");
    try {
      expect(await verifyDatabase(scratchUrl())).toEqual({
        rows: 1,
        head: null,
        heads: null,
        broken: { rowId: "2", reason: "its prev_hash is not the start of the chain: older rows were deleted" },
      });
    } finally {
      await restore();
    }
  });

  it("a deleted newest row leaves a valid chain whose head differs from the recorded anchor (as documented)", async () => {
    await tamper("DELETE FROM access_log WHERE id = 5");
    try {
      expect(await verifyDatabase(scratchUrl())).toEqual({
        rows: 4,
        head: { id: "4", hash: hashes.get("4") },
        heads: [{ chain: 0, id: "4", hash: hashes.get("4") }],
        broken: null,
      });
    } finally {
      await restore();
    }
  });

  it("an untampered chain of more than nine rows is reported intact (rows are walked in id order, 9 before 10)", async () => {
    const scratch = `${scratchName}_long`;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = withDatabase(adminUrl(), scratch);
    const long = new Client({ connectionString: url });
    await long.connect();
    try {
      await createAccessLogTables(long);
      await addAccessLogChains(long);
      for (let i = 1; i <= 12; i++) await appendAccessLog(long, entry(i));
      const [last] = (await long.query<{ hash: string }>("SELECT encode(hash, 'hex') AS hash FROM access_log WHERE id = 12")).rows;
      // each row does chain to the one before it, in id order
      const { rows } = await long.query<{ linked: boolean }>(
        `SELECT prev_hash = coalesce(lag(hash) OVER (ORDER BY id), '\\x${"00".repeat(32)}'::bytea) AS linked FROM access_log ORDER BY id`,
      );
      expect(rows.map((r) => r.linked)).toEqual(Array<boolean>(12).fill(true));
      expect(await verifyDatabase(url)).toEqual({
        rows: 12,
        head: { id: "12", hash: last.hash },
        heads: [{ chain: 0, id: "12", hash: last.hash }],
        broken: null,
      });
    } finally {
      await long.end();
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    }
  });

  it("concurrent requests' entries are appended in groups, one statement each, and chain like single appends", async () => {
    const scratch = `${scratchName}_group`;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = withDatabase(adminUrl(), scratch);
    const group = new Client({ connectionString: url });
    await group.connect();
    try {
      await createAccessLogTables(group);
      await addAccessLogChains(group);
      const statements: string[] = [];
      const counted = { query: (sql: string, parameters: unknown[]) => (statements.push(sql), group.query(sql, parameters)) };
      const writer = createAccessLogWriter(counted);
      // 30 requests finishing at once, then 5 more while the first group's statement is running
      const first = Promise.all(Array.from({ length: 30 }, (_, i) => writer.append(entry(i + 1))));
      await new Promise((resolve) => setImmediate(resolve));
      expect(statements).toEqual([APPEND_GROUP_SQL]);
      const second = Promise.all(Array.from({ length: 5 }, (_, i) => writer.append(entry(i + 31))));
      await Promise.all([first, second]);
      expect(statements).toEqual([APPEND_GROUP_SQL, APPEND_GROUP_SQL]);
      const { rows } = await group.query<{ request_id: string; linked: boolean }>(
        `SELECT request_id, prev_hash = coalesce(lag(hash) OVER (PARTITION BY chain ORDER BY id), '\\x${"00".repeat(32)}'::bytea) AS linked
         FROM access_log ORDER BY id`,
      );
      expect(rows.map((r) => r.request_id).sort()).toEqual(Array.from({ length: 35 }, (_, i) => `scratch-request-${i + 1}`).sort());
      expect(rows.every((r) => r.linked)).toBe(true);
      expect(await verifyDatabase(url)).toMatchObject({ rows: 35, broken: null });
      // a group that fails fails every request in it, and the next group is written again
      const bad = { ...entry(36), participantIds: [] };
      await expect(Promise.all([writer.append(bad), writer.append(entry(37))])).rejects.toThrow(/participant_ids/);
      await writer.append(entry(38));
      expect(await verifyDatabase(url)).toMatchObject({ rows: 36, broken: null });
      // through a subgraph's pool, where each statement belongs to the request whose scope sent it: the group's
      // statement is nobody's, so the first request of a group going away cancels no other request's row
      const pooled = createDataSource({ url, entities: [], migrations: [], poolSize: 2 });
      await initializeWithRetries(pooled);
      try {
        const requestWork = cancellableQueries(pooled, url);
        const pooledWriter = createAccessLogWriter(pooled);
        const gone = requestWork();
        const staying = requestWork();
        const first = runAbandonable(gone, () => pooledWriter.append(entry(39)));
        const second = runAbandonable(staying, () => pooledWriter.append(entry(40)));
        gone.abandon(); // before the group's statement is sent (it waits for the event loop's next turn)
        await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
        expect(await verifyDatabase(url)).toMatchObject({ rows: 38, broken: null });
      } finally {
        await pooled.destroy();
      }
    } finally {
      await group.end();
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    }
  });

  it("concurrent appends take parallel chains, each linked within itself, and a row moved to another chain is reported", async () => {
    const scratch = `${scratchName}_chains`;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = withDatabase(adminUrl(), scratch);
    const writers = [new Client({ connectionString: url }), new Client({ connectionString: url }), new Client({ connectionString: url })];
    try {
      await Promise.all(writers.map((w) => w.connect()));
      await createAccessLogTables(writers[0]);
      await addAccessLogChains(writers[0]);
      // three transactions append while the others' are still open: each takes the first chain no other holds
      for (const [i, writer] of writers.entries()) {
        await writer.query("BEGIN");
        await appendAccessLog(writer, entry(i + 1));
      }
      for (const writer of writers) await writer.query("COMMIT");
      // alone again: chain 0, after the first row
      await appendAccessLog(writers[0], entry(4));
      const { rows } = await writers[0].query<{ id: string; chain: number; prev: string; hash: string }>(
        "SELECT id::text AS id, chain, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash FROM access_log ORDER BY id",
      );
      const zero = "00".repeat(32);
      expect(rows.map((r) => [r.id, r.chain, r.prev])).toEqual([
        ["1", 0, zero],
        ["2", 1, zero],
        ["3", 2, zero],
        ["4", 0, rows[0].hash],
      ]);
      expect(await verifyDatabase(url)).toEqual({
        rows: 4,
        head: { id: "4", hash: rows[3].hash },
        heads: [
          { chain: 0, id: "4", hash: rows[3].hash },
          { chain: 1, id: "2", hash: rows[1].hash },
          { chain: 2, id: "3", hash: rows[2].hash },
        ],
        broken: null,
      });
      await writers[0].query("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
      await writers[0].query("UPDATE access_log SET chain = 1 WHERE id = 3");
      expect(await verifyDatabase(url)).toEqual({
        rows: 3,
        head: null,
        heads: null,
        broken: {
          rowId: "3",
          reason: "its prev_hash is not the hash of row 2, the row before it: rows between them were deleted, or row 2 was altered",
        },
      });
    } finally {
      await Promise.all(writers.map((w) => w.end().catch(() => undefined)));
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    }
  });

  /** Runs the compiled `npm run audit:verify` over these four databases. */
  const auditVerify = (databases: Record<SubgraphName, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const script = path.join(PROJECT_ROOT, "dist", "scripts", "audit-verify.js");
      expect(existsSync(script)).toBe(true); // `npm test` builds first
      const env: Record<string, string> = { ...(process.env as Record<string, string>) };
      delete env.DATABASE_URL;
      for (const name of SUBGRAPH_NAMES) env[subgraphVariable(SUBGRAPHS[name], "DATABASE_URL")] = databases[name];
      const child = spawn(process.execPath, [script], { env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) => resolve({ code, output }));
    });

  it("npm run audit:verify (compiled) reports the four test databases' chains intact, with exit code 0", async () => {
    const real = await auditVerify(urls());
    for (const name of SUBGRAPH_NAMES) {
      expect(real.output).toMatch(new RegExp(`\\[audit\\] ${name} +\\d+ rows checked {2}intact {2}head row \\d+ [0-9a-f]{64}`));
    }
    expect(real.output).toContain("[audit] every chain is intact");
    expect(real.code).toBe(0);
  }, 30_000);

  it("npm run audit:verify (compiled) reports a tampered chain with its first broken row, and exit code 1", async () => {
    await tamper("UPDATE access_log SET client_address = '10.9.9.9' WHERE id = 3");
    try {
      const tampered = await auditVerify({ ...urls(), "welfare-partners": scratchUrl() });
      expect(tampered.output).toContain(
        `[audit] ${"welfare-partners".padEnd(18)} ${"3".padStart(9)} rows checked  BROKEN at row 3 of welfare-partners: ` +
          "its content does not match its hash: the row was altered",
      );
      expect(tampered.output).toContain("[audit] verification FAILED");
      expect(tampered.code).toBe(1);
    } finally {
      await restore();
    }
  }, 30_000);

  it("verifyDatabase over the four test databases: every chain intact, its head the newest row", async () => {
    for (const name of SUBGRAPH_NAMES) {
      const report = await verifyDatabase(urls()[name]);
      expect(report.broken).toBeNull();
      expect(report.rows).toBeGreaterThan(0);
      const [head] = await system.sql(name, "SELECT id::text AS id, encode(hash, 'hex') AS hash FROM access_log WHERE id = $1", [
        report.head!.id,
      ]);
      expect(report.head).toEqual(head);
      const [{ older }] = await system.sql(name, "SELECT count(*)::int AS older FROM access_log WHERE id <= $1", [report.head!.id]);
      expect(report.rows).toBe(older);
    }
  });

  it("a least-privileged service role appends through the function only; even granted the privileges, changes are refused", async () => {
    await admin.query(`CREATE ROLE ${serviceRole} LOGIN PASSWORD 'service-test-password'`);
    await db.query(`GRANT SELECT ON access_log TO ${serviceRole}`);
    await db.query(
      `GRANT EXECUTE ON FUNCTION access_log_append(text, text, text, text, text, integer, text, text, uuid[], text, text) TO ${serviceRole}`,
    );
    const url = new URL(scratchUrl());
    url.username = serviceRole;
    url.password = "service-test-password";
    const service = new Client({ connectionString: url.toString() });
    await service.connect();
    const error = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: { code?: string; message: string }) => ({ code: e.code, message: e.message }),
      );
    try {
      await appendAccessLog(service, entry(6));
      expect(await verifyDatabase(scratchUrl())).toMatchObject({ rows: 6, broken: null, head: { id: "6" } });
      expect(
        await error(
          service.query(
            "INSERT INTO access_log (at, action, subgraph, user_sub, user_role, operation_hash, participant_ids, client_address, request_id, prev_hash, hash) " +
              "SELECT now(), 'READ', 'x', 'x', 'x', 'x', ARRAY[gen_random_uuid()], 'x', 'x', hash, hash FROM access_log WHERE id = 1",
          ),
        ),
      ).toEqual({ code: "42501", message: "permission denied for table access_log" });
      expect(await error(service.query("UPDATE access_log SET user_sub = 'x' WHERE id = 1"))).toEqual({
        code: "42501",
        message: "permission denied for table access_log",
      });
      await db.query(`GRANT UPDATE, DELETE, TRUNCATE ON access_log TO ${serviceRole}`);
      expect(await error(service.query("UPDATE access_log SET user_sub = 'x' WHERE id = 1"))).toEqual({
        code: "42501",
        message: "access_log is append-only: UPDATE refused",
      });
      expect(await error(service.query("DELETE FROM access_log WHERE id = 1"))).toEqual({
        code: "42501",
        message: "access_log is append-only: DELETE refused",
      });
      expect(await error(service.query("TRUNCATE access_log"))).toEqual({
        code: "42501",
        message: "access_log is append-only: TRUNCATE refused",
      });
      expect(await verifyDatabase(scratchUrl())).toMatchObject({ rows: 6, broken: null, head: { id: "6" } });
    } finally {
      await service.end();
    }
  });
});

const ENTRY_FIELDS = `id at userSub userRole officeKind officeId action operationName operationHash participantIds clientAddress requestId hash`;
const PAGE = `pageInfo { hasNextPage endCursor } edges { cursor node { ${ENTRY_FIELDS} } }`;
const CONNECTIONS = {
  "job-centers": "employmentCenters",
  "local-job-centers": "localJobCenters",
  "saeil-centers": "saeilCenters",
  "welfare-partners": "welfarePartners",
} as const;
const AUDIT_QUERY = `query AuditLog($filter: AccessLogFilter!, $first: Int, $after: String) {
  accessLog(filter: $filter) {
    id
    ${SUBGRAPH_NAMES.map((name) => `${CONNECTIONS[name]}(first: $first, after: $after) { ${PAGE} }`).join("\n    ")}
  }
}`;

describe("the auditor's query", () => {
  let auditor: string;
  /** Requests of one user, oldest first: A, B and C read `person`, D reads `neighbour`. */
  const requests: Record<"A" | "B" | "C" | "D", Answer> = {} as never;
  let betweenAandB: Date;
  let betweenBandC: Date;
  let afterD: Date;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    auditor = await tokenFor("AUDITOR", null, subOf("auditor"));
    const token = await counselor("audited");
    requests.A = await runContract("Participant360", { id: person }, token);
    await pause(40);
    betweenAandB = new Date();
    await pause(40);
    requests.B = await runContract("Participant360", { id: person }, token);
    await pause(40);
    betweenBandC = new Date();
    await pause(40);
    requests.C = await runContract("Participant360", { id: person }, token);
    requests.D = await send(`query Neighbour($id: ID!) { participant(id: $id) { id name } }`, { id: neighbour }, "Neighbour", token);
    await pause(40);
    afterD = new Date();
    await pause(200);
  });

  /** The entries the graph should give for rows of one agency's log, as the database holds them (newest first). */
  async function expectedEntries(name: SubgraphName, where: string, params: unknown[]) {
    const rows = await system.sql(
      name,
      `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, user_sub AS "userSub",
              user_role AS "userRole", office_kind AS "officeKind", office_id::text AS "officeId", action,
              operation_name AS "operationName", operation_hash AS "operationHash", participant_ids::text[] AS "participantIds",
              client_address AS "clientAddress", request_id AS "requestId", encode(hash, 'hex') AS hash
       FROM access_log WHERE ${where} ORDER BY at DESC, id DESC`,
      params,
    );
    return rows;
  }

  const nodes = (connection: any) => connection.edges.map((e: any) => e.node);
  const requestIdsOf = (connection: any) => nodes(connection).map((n: any) => n.requestId);

  it("by user: every agency's entries of that user, newest first, exactly as logged", async () => {
    const answer = await send(AUDIT_QUERY, { filter: { userSub: subOf("audited") }, first: 100 }, "AuditLog", auditor);
    expect(answer.body.errors).toBeUndefined();
    const log = answer.body.data!.accessLog;
    for (const name of SUBGRAPH_NAMES) {
      const expected = await expectedEntries(name, "user_sub = $1", [subOf("audited")]);
      expect(nodes(log[CONNECTIONS[name]])).toEqual(expected);
      expect(log[CONNECTIONS[name]].pageInfo.hasNextPage).toBe(false);
    }
    const { A, B, C, D } = requests;
    expect(requestIdsOf(log.employmentCenters)).toEqual([D, C, B, A].map((r) => r.requestId));
    for (const name of ["localJobCenters", "saeilCenters", "welfarePartners"]) {
      expect(requestIdsOf(log[name])).toEqual([C, B, A].map((r) => r.requestId));
    }
    expect(nodes(log.employmentCenters)[3]).toMatchObject({
      userSub: subOf("audited"),
      userRole: "COUNSELOR",
      officeKind: "EMPLOYMENT_CENTER",
      officeId: String(center),
      action: "READ",
      operationName: "Participant360",
      operationHash: CONTRACT_HASH,
      participantIds: [person],
      clientAddress: CLIENT_ADDRESS,
    });
    // reading the log reads no person: the auditor's request is logged nowhere
    expect(await rowsEverywhere([answer.requestId])).toEqual(NO_ROWS);
  });

  it("by participant: entries naming that participant only", async () => {
    const both = await send(
      AUDIT_QUERY,
      { filter: { userSub: subOf("audited"), participantId: neighbour }, first: 100 },
      "AuditLog",
      auditor,
    );
    expect(both.body.errors).toBeUndefined();
    expect(requestIdsOf(both.body.data!.accessLog.employmentCenters)).toEqual([requests.D.requestId]);
    expect(both.body.data!.accessLog.localJobCenters.edges).toEqual([]);

    // the participant alone, up to an instant: what the database holds for them then, whoever read them
    const to = afterD.toISOString();
    const answer = await send(AUDIT_QUERY, { filter: { participantId: person.toUpperCase(), to }, first: 100 }, "AuditLog", auditor);
    expect(answer.body.errors).toBeUndefined();
    for (const name of SUBGRAPH_NAMES) {
      const expected = await expectedEntries(name, "participant_ids @> ARRAY[$1::uuid] AND at <= $2", [person, to]);
      const got = nodes(answer.body.data!.accessLog[CONNECTIONS[name]]);
      expect(got).toEqual(expected.slice(0, 100));
      for (const entry of got) expect(entry.participantIds).toContain(person);
      expect(got.map((n: any) => n.requestId)).toEqual(
        expect.arrayContaining([requests.A, requests.B, requests.C].map((r) => r.requestId)),
      );
      expect(got.map((n: any) => n.requestId)).not.toContain(requests.D.requestId);
    }
  });

  it("by period: from and to bound the entries, both included", async () => {
    const filter = { userSub: subOf("audited"), from: betweenAandB.toISOString(), to: betweenBandC.toISOString() };
    const answer = await send(AUDIT_QUERY, { filter, first: 100 }, "AuditLog", auditor);
    expect(answer.body.errors).toBeUndefined();
    for (const name of SUBGRAPH_NAMES) expect(requestIdsOf(answer.body.data!.accessLog[CONNECTIONS[name]])).toEqual([requests.B.requestId]);
    const since = await send(AUDIT_QUERY, { filter: { userSub: subOf("audited"), from: betweenBandC.toISOString() } }, "AuditLog", auditor);
    expect(requestIdsOf(since.body.data!.accessLog.employmentCenters)).toEqual([requests.D.requestId, requests.C.requestId]);
    const until = await send(AUDIT_QUERY, { filter: { userSub: subOf("audited"), to: betweenAandB.toISOString() } }, "AuditLog", auditor);
    expect(requestIdsOf(until.body.data!.accessLog.welfarePartners)).toEqual([requests.A.requestId]);
  });

  it("by period: an entry's own instant, as the graph shows it, given as both bounds finds that entry", async () => {
    const first = await send(AUDIT_QUERY, { filter: { userSub: subOf("audited") } }, "AuditLog", auditor);
    const b = nodes(first.body.data!.accessLog.saeilCenters).find((n: any) => n.requestId === requests.B.requestId);
    const exact = await send(AUDIT_QUERY, { filter: { userSub: subOf("audited"), from: b.at, to: b.at } }, "AuditLog", auditor);
    expect(exact.body.errors).toBeUndefined();
    expect(requestIdsOf(exact.body.data!.accessLog.saeilCenters)).toEqual([requests.B.requestId]);
  });

  it("pages with first and after, newest first, each entry once", async () => {
    const query = `query Pages($filter: AccessLogFilter!, $first: Int, $after: String) {
      accessLog(filter: $filter) { employmentCenters(first: $first, after: $after) { ${PAGE} } } }`;
    const filter = { userSub: subOf("audited") };
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const answer: Answer = await send(query, { filter, first: 3, after }, "Pages", auditor);
      expect(answer.body.errors).toBeUndefined();
      const page = answer.body.data!.accessLog.employmentCenters;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 5);
    expect(pages.map((p) => p.edges.length)).toEqual([3, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, false]);
    expect(pages[0].pageInfo.endCursor).toBe(pages[0].edges[2].cursor);
    const { A, B, C, D } = requests;
    expect(pages.flatMap((p) => requestIdsOf(p))).toEqual([D, C, B, A].map((r) => r.requestId));
    const single = await send(query, { filter, first: 1, after: pages[0].edges[0].cursor }, "Pages", auditor);
    expect(requestIdsOf(single.body.data!.accessLog.employmentCenters)).toEqual([C.requestId]);
  });

  it.each<[string, Role, () => number | null]>([
    ["a counsellor", "COUNSELOR", () => center],
    ["an analyst", "ANALYST", () => null],
  ])("%s asking for it gets FORBIDDEN, and no entry", async (_label, role, org) => {
    const token = await tokenFor(role, org(), subOf(`asks-${role}`));
    const answer = await send(AUDIT_QUERY, { filter: { participantId: person } }, "AuditLog", token);
    // `accessLog` is non-null: refusing it nulls the whole answer
    expect(answer.body.data).toBeNull();
    expect(forbidden(answer.body)).toEqual([{ path: ["accessLog"], field: "Query.accessLog", reason: "requires audit:read" }]);
  });

  it("a counsellor reaching a subgraph directly is refused by the subgraph itself, for the query and for the entity", async () => {
    const token = await counselor("direct");
    const post = async (name: SubgraphName, query: string, variables: Record<string, unknown> = {}) =>
      (await (
        await fetch(system.subgraphs[name].url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as GraphQLResponse;
    const root = await post(
      "job-centers",
      `{ accessLog(filter: { userSub: "${subOf("audited")}" }) { employmentCenters { edges { node { id } } } } }`,
    );
    expect(root.data ?? null).toBeNull();
    expect(root.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ["FORBIDDEN", "Not allowed to read Query.accessLog: requires audit:read."],
    ]);
    const id = Buffer.from(JSON.stringify([null, subOf("audited"), null, null]), "utf8").toString("base64url");
    const entity = await post(
      "welfare-partners",
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AccessLog { welfarePartners { edges { node { id requestId } } } } } }`,
      { r: [{ __typename: "AccessLog", id }] },
    );
    expect(JSON.stringify(entity.data ?? null)).not.toContain(requests.A.requestId);
    expect(entity.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  it("an auditor reads no person otherwise, and such a refused request is not logged", async () => {
    const view = await runContract("Participant360", { id: person }, auditor);
    expect(view.body.data).toEqual({ participant: null });
    expect(forbidden(view.body)).toEqual([{ path: ["participant"], field: "Query.participant", reason: "requires participant:read" }]);
    const caseload = await runContract("Caseload", { first: 5 }, auditor);
    expect(caseload.body.data).toBeNull();
    expect(forbidden(caseload.body)).toEqual([
      { path: ["participants"], field: "Query.participants", reason: "requires participant:read" },
    ]);
    expect(await rowsEverywhere([view.requestId, caseload.requestId])).toEqual(NO_ROWS);
    for (const name of SUBGRAPH_NAMES) {
      expect(await system.sql(name, "SELECT id FROM access_log WHERE user_sub = $1", [subOf("auditor")])).toEqual([]);
    }
  });
});

describe("cost: logging adds at most one SQL statement per agency per request", () => {
  /** Every statement the subgraphs send during `run`, by subgraph (this file's servers run in this process). */
  async function statementsDuring(run: () => Promise<unknown>) {
    const urls = testDatabaseUrls();
    const spy = jest.spyOn(PostgresQueryRunner.prototype, "query");
    const before = SUBGRAPH_NAMES.map((name) => system.subgraphs[name].sqlCounter.total);
    let seen: Array<{ url: string | undefined; text: string }>;
    try {
      await run();
    } finally {
      // read before restoring: restoring a spy clears what it recorded
      seen = spy.mock.calls.map((call, j) => ({ url: (spy.mock.contexts[j] as PostgresQueryRunner).driver.options.url, text: call[0] }));
      spy.mockRestore();
    }
    const result = {} as Record<SubgraphName, { counted: number; texts: string[] }>;
    SUBGRAPH_NAMES.forEach((name, i) => {
      const texts = seen.filter((s) => s.url === urls[name]).map((s) => s.text);
      result[name] = { counted: system.subgraphs[name].sqlCounter.total - before[i], texts };
    });
    return result;
  }

  const logging = (text: string) => /access_log|advisory|\b(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT)\b/i.test(text);

  /** Which agencies must have read (and logged) someone: all four for Participant360, job-centers for a Caseload page. */
  const ALL = SUBGRAPH_NAMES;
  it.each([
    ["Participant360 of a person with records at all four agencies", "Participant360", () => ({ id: person }), ALL],
    ["Caseload(first: 5)", "Caseload", () => ({ filter: { employmentCenterId: String(center) }, first: 5 }), ["job-centers"]],
    ["Caseload(first: 100)", "Caseload", () => ({ filter: { employmentCenterId: String(center) }, first: 100 }), ALL],
    ["RegionDirectory", "RegionDirectory", () => ({ code: "28" }), []],
    ["ProgramReport", "ProgramReport", () => ({ year: 2022 }), []],
  ] as const)(
    "%s: one logging statement in each agency that read a person, none elsewhere",
    async (_label, operationName, variables, reading) => {
      const token = await counselor("cost");
      let answer: Answer | undefined;
      const statements = await statementsDuring(async () => {
        answer = await runContract(operationName, variables(), token);
      });
      expect(answer!.status).toBe(200);
      const rows = await rowsEverywhere([answer!.requestId]);
      for (const name of SUBGRAPH_NAMES) {
        const { counted, texts } = statements[name];
        // every statement the service counts was seen here, and no other
        expect(texts).toHaveLength(counted);
        if ((reading as readonly string[]).includes(name)) expect(rows[name]).toHaveLength(1);
        if (reading.length === 0) expect(rows[name]).toEqual([]);
        // where a person was read and logged: the one append, nothing else about the log, no transaction around it
        expect(texts.filter(logging)).toEqual(rows[name].length > 0 ? [APPEND_GROUP_SQL] : []);
      }
    },
  );
});
