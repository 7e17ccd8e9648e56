import type { DataSource } from "typeorm";
import { createDataSource, initializeWithRetries } from "@lib/db/data-source";
import { statementName, usePreparedStatements } from "@lib/db/prepared-statements";
import { testDatabaseUrls } from "./support/test-env";

/**
 * Parameterised SQL is prepared once per connection (lib/db/prepared-statements.ts): the server's own list of a
 * connection's prepared statements (`pg_prepared_statements`) shows which texts were named, the answers are those of
 * unnamed statements, and a connection never holds more than its bound.
 */
let db: DataSource;

beforeAll(async () => {
  // one connection, so that every statement of the test runs on the one whose prepared statements are listed
  db = createDataSource({ url: testDatabaseUrls()["job-centers"], entities: [], migrations: [], poolSize: 1 });
  await initializeWithRetries(db);
  usePreparedStatements(db, 2);
});
afterAll(() => db.destroy());

const preparedNow = () =>
  db.query<Array<{ name: string; statement: string }>>("SELECT name, statement FROM pg_prepared_statements ORDER BY statement");

const PLUS_ONE = "SELECT $1::int + 1 AS x";
const TIMES_TWO = "SELECT $1::int * 2 AS x";
const MINUS_ONE = "SELECT $1::int - 1 AS x";

it("names a parameterised text once and answers each call with its own values", async () => {
  expect(await db.query(PLUS_ONE, [1])).toEqual([{ x: 2 }]);
  expect(await db.query(PLUS_ONE, [41])).toEqual([{ x: 42 }]);
  expect(await preparedNow()).toEqual([{ name: statementName(PLUS_ONE), statement: PLUS_ONE }]);
});

it("leaves statements without parameters to the simple protocol", async () => {
  expect(await db.query("SELECT 7 AS x")).toEqual([{ x: 7 }]);
  expect((await preparedNow()).map((p) => p.statement)).toEqual([PLUS_ONE]);
});

it("prepares no more texts per connection than its bound, and still answers the others", async () => {
  expect(await db.query(TIMES_TWO, [21])).toEqual([{ x: 42 }]);
  expect(await db.query(MINUS_ONE, [43])).toEqual([{ x: 42 }]);
  expect(await db.query(MINUS_ONE, [1])).toEqual([{ x: 0 }]);
  expect((await preparedNow()).map((p) => p.statement)).toEqual([TIMES_TWO, PLUS_ONE]); // ordered by text: "*" sorts before "+"
});

it("keeps a statement's error the caller's, and the connection usable", async () => {
  await expect(db.query("SELECT 1 / $1::int AS x", [0])).rejects.toThrow(/division by zero/);
  expect(await db.query(PLUS_ONE, [2])).toEqual([{ x: 3 }]);
});

it("names a text alike in every process, from the text alone", () => {
  expect(statementName(PLUS_ONE)).toBe(statementName(`${PLUS_ONE}`));
  expect(statementName(PLUS_ONE)).not.toBe(statementName(TIMES_TWO));
  expect(statementName(PLUS_ONE)).toMatch(/^SELECT njsp_[0-9a-f]{24}$/);
  expect(statementName("  insert INTO t VALUES ($1)")).toMatch(/^INSERT njsp_[0-9a-f]{24}$/);
});
