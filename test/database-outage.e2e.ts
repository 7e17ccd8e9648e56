import { rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_ROOT } from "@lib/config/paths";
import { withDatabase } from "@lib/db/database-url";
import type { RunningPostgres } from "@lib/platform/embedded-postgres";
import { migrateDatabases } from "@lib/platform/prepare-databases";
import { Client } from "pg";
import type { SubgraphDeclaration } from "@lib/subgraph/declaration";
import { SUBGRAPHS } from "@subgraphs/registry";
import { testDatabaseUrls } from "./support/test-env";
import { startPrivatePostgres } from "./support/private-postgres";
import { startSystem, type TestSystem } from "./support/system";

/**
 * A PostgreSQL outage: welfare-partners runs on a private PostgreSQL that the test stops and starts again. While it
 * is down the subgraph stays up, says so on /readyz and answers DATABASE_UNAVAILABLE (the other agencies' data still
 * arrives); once it is back, reads resume by themselves within 5 s.
 */
const port = 55_100 + Math.floor(Math.random() * 800);
const dataDir = path.join(PROJECT_ROOT, ".data", `outage-postgres-${port}`);
const QUERY = '{ region(code: "28") { name welfarePartners { id name } } }';
let postgres: RunningPostgres | undefined;
let system: TestSystem;
let expected: Array<{ id: string; name: string }>;

beforeAll(async () => {
  postgres = await startPrivatePostgres(dataDir, port);
  const url = withDatabase(postgres.adminUrl, "njsp_outage_welfare_partners");
  const welfarePartners = SUBGRAPHS["welfare-partners"] as SubgraphDeclaration<"welfare-partners">;
  await migrateDatabases([welfarePartners], { "welfare-partners": url }, postgres.adminUrl);
  system = await startSystem({ databaseUrls: { "welfare-partners": url } });
  // the seeded directory of welfare partners, copied into the private server
  const seeded = new Client({ connectionString: testDatabaseUrls()["welfare-partners"] });
  await seeded.connect();
  const { rows } = await seeded.query<Record<string, string>>("SELECT * FROM welfare_partner ORDER BY id");
  await seeded.end();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO welfare_partner SELECT * FROM json_populate_recordset(NULL::welfare_partner, $1)", [
    JSON.stringify(rows),
  ]);
  await client.end();
  expected = rows.filter((r) => r.region_code === "28").map((r) => ({ id: String(r.id), name: r.name }));
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const readyz = async () => {
  const response = await fetch(system.subgraphs["welfare-partners"].url.replace("/graphql", "/readyz"));
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, unknown> } };
};

it("answers DATABASE_UNAVAILABLE while the database is down, and reads again within 5 s of it being back", async () => {
  expect(expected.length).toBeGreaterThan(0);
  const before = await system.query(QUERY, {}, undefined, null);
  expect(before).toEqual({ data: { region: { name: "인천광역시", welfarePartners: expected } } });
  expect(await readyz()).toEqual({ status: 200, body: { status: "ready", checks: { database: true } } });

  await postgres!.stop();
  const down = await system.query(QUERY, {}, undefined, null);
  expect(down.data).toEqual({ region: { name: "인천광역시", welfarePartners: null } });
  expect(down.errors).toHaveLength(1);
  expect(down.errors![0]).toMatchObject({
    message: "This agency's database cannot be reached right now; try again shortly.",
    path: ["region", "welfarePartners"],
    extensions: { code: "DATABASE_UNAVAILABLE", serviceName: "welfare-partners" },
  });
  expect(JSON.stringify(down)).not.toMatch(/SELECT|ECONNREFUSED|127\.0\.0\.1|stack/);
  expect(await readyz()).toEqual({ status: 503, body: { status: "not ready", checks: { database: "unreachable" } } });
  // the other agencies are untouched, and the subgraph process (this one) is still serving
  expect((await system.query('{ region(code: "28") { name } }', {}, undefined, null)).data).toEqual({ region: { name: "인천광역시" } });

  postgres = await startPrivatePostgres(dataDir, port);
  const back = Date.now();
  let recovered: unknown;
  while (Date.now() - back < 10_000) {
    const answer = await system.query(QUERY, {}, undefined, null);
    if (!answer.errors) {
      recovered = answer;
      break;
    }
    await sleep(100);
  }
  const recoveryMs = Date.now() - back;
  console.log(`[outage] reads resumed ${recoveryMs} ms after PostgreSQL was back`);
  expect(recovered).toEqual(before);
  expect(recoveryMs).toBeLessThan(5_000);
  expect((await readyz()).status).toBe(200);
}, 90_000);
