import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { GATEWAY_CREDENTIAL_HEADER } from "@lib/auth/gateway-credential";
import { createSubgraphServer } from "@lib/http/create-subgraph-server";
import type { RunningService } from "@lib/http/service";
import { SUBGRAPHS } from "@subgraphs/registry";
import { TEST_AUTH } from "./support/test-auth";
import { testDatabaseUrls } from "./support/test-env";

/**
 * Work nobody waits for stops. A table lock held by the test keeps the subgraph's statement waiting; when the caller
 * goes away the statement is cancelled at once, and without a cancel statement_timeout ends it.
 */
const url = () => testDatabaseUrls()["welfare-partners"];
let locker: Client;
let server: RunningService | undefined;

beforeAll(async () => {
  locker = new Client({ connectionString: url() });
  await locker.connect();
});
afterEach(async () => {
  await locker.query("ROLLBACK");
  await server?.stop();
  server = undefined;
});
afterAll(() => locker.end());

const start = async (options: { statementTimeoutMs?: number; cancelAbandonedQueries?: boolean }) => {
  const built = await createSubgraphServer(SUBGRAPHS["welfare-partners"], { databaseUrl: url(), poolSize: 2, auth: TEST_AUTH, ...options });
  server = await built.listen(0);
  return server;
};
const waiting = async () => {
  // the locker is inside a transaction, where pg_stat_activity is a snapshot kept until its end: refresh it
  await locker.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await locker.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%welfare_partner%'",
  );
  return Number(rows[0].n);
};
const ask = (target: RunningService, signal?: AbortSignal) =>
  fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json", [GATEWAY_CREDENTIAL_HEADER]: TEST_AUTH.gatewaySecret },
    body: JSON.stringify({ query: "{ welfarePartners { id } }" }),
    signal,
  });
const lock = async () => {
  await locker.query("BEGIN");
  await locker.query("LOCK TABLE welfare_partner IN ACCESS EXCLUSIVE MODE");
};

it("cancels a request's running SQL as soon as its caller disconnects", async () => {
  const target = await start({ statementTimeoutMs: 0 });
  await lock();
  const caller = new AbortController();
  const pending = ask(target, caller.signal).catch((error: Error) => error.name);
  await sleep(300);
  expect(await waiting()).toBe(1); // the statement waits for the lock
  caller.abort();
  expect(await pending).toBe("AbortError");
  const aborted = Date.now();
  while ((await waiting()) > 0 && Date.now() - aborted < 5_000) await sleep(20);
  const cancelledMs = Date.now() - aborted;
  console.log(`[abandoned] statement cancelled ${cancelledMs} ms after the caller left`);
  expect(await waiting()).toBe(0);
  expect(cancelledMs).toBeLessThan(2_000); // without the cancel it would wait for the lock, i.e. the whole 5 s
});

it("ends a statement past statement_timeout even when nothing cancels it", async () => {
  const target = await start({ statementTimeoutMs: 500, cancelAbandonedQueries: false });
  await lock();
  const started = Date.now();
  const answer = (await (await ask(target)).json()) as { errors?: Array<{ message: string; extensions: { code: string } }> };
  const ms = Date.now() - started;
  console.log(`[abandoned] statement_timeout of 500 ms ended the statement after ${ms} ms`);
  expect(ms).toBeGreaterThanOrEqual(450);
  expect(ms).toBeLessThan(2_000);
  // no SQL, no driver text: a masked internal error
  expect(answer.errors).toEqual([
    {
      message: "Internal server error",
      locations: [{ line: 1, column: 3 }],
      path: ["welfarePartners"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    },
  ]);
  // pg_stat_activity shows the cancelled backend's state a moment after the error reached the client
  const answered = Date.now();
  while ((await waiting()) > 0 && Date.now() - answered < 1_000) await sleep(20);
  expect(await waiting()).toBe(0);
});
