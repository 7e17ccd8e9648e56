import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { GATEWAY_CREDENTIAL_HEADER } from "@lib/auth/gateway-credential";
import { startSubgraphProcess } from "./support/subgraph-process";
import { TEST_AUTH } from "./support/test-auth";
import { testDatabaseUrls } from "./support/test-env";

/**
 * SIGTERM to a subgraph process: it stops taking new work and turns not ready, the request in flight (held here by a
 * table lock) still gets its whole answer, then the pool closes and the process exits 0.
 */
it("finishes the request in flight, then exits 0", async () => {
  const subgraph = await startSubgraphProcess("welfare-partners", 45_100 + Math.floor(Math.random() * 800));
  const locker = new Client({ connectionString: testDatabaseUrls()["welfare-partners"] });
  await locker.connect();
  try {
    const exited = new Promise<number | null>((resolve) => subgraph.child.once("exit", resolve));
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE welfare_partner IN ACCESS EXCLUSIVE MODE");
    const inFlight = fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_CREDENTIAL_HEADER]: TEST_AUTH.gatewaySecret },
      body: JSON.stringify({ query: "{ welfarePartners { id } }" }),
    });
    await sleep(300);
    subgraph.child.kill("SIGTERM");
    await sleep(300);
    expect(subgraph.child.exitCode).toBeNull(); // still waiting for the request in flight
    // no new work: the listening socket is closed, and the probe says not ready or cannot connect at all
    const probe = await fetch(subgraph.url.replace("/graphql", "/readyz")).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(probe);

    await locker.query("ROLLBACK");
    const response = await inFlight;
    const body = (await response.json()) as { data?: { welfarePartners: unknown[] }; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.welfarePartners.length).toBeGreaterThan(0);
    expect(await exited).toBe(0);
  } finally {
    await locker.end();
    await subgraph.stop();
  }
}, 60_000);
