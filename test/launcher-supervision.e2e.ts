import { execFileSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { SUBGRAPH_NAMES } from "@subgraphs/registry";
import { launcherOnTestDatabases, spawnLauncher } from "./support/launcher-process";

/**
 * `npm start` supervises what it started: a subgraph killed with SIGKILL is logged and restarted with backoff, while
 * the gateway and the other subgraphs keep answering.
 */
const post = async (port: number, query: string) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
};

it("restarts a subgraph that died, while the rest keep serving", async () => {
  const { env, base, subgraphPorts } = await launcherOnTestDatabases();
  const launcher = spawnLauncher(env);
  const { child } = launcher;
  try {
    await launcher.waitFor("GraphiQL: ", 45_000);
    expect(launcher.output()).toContain(`GraphiQL: http://127.0.0.1:${base}/graphql`);

    const welfarePort = subgraphPorts[SUBGRAPH_NAMES.indexOf("welfare-partners")];
    const children = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(child.pid)], { encoding: "utf8" });
    const victim = Number(/^\s*(\d+) .*bin\.js welfare-partners/m.exec(children)?.[1]);
    expect(victim).toBeGreaterThan(0);
    process.kill(victim, "SIGKILL");
    const killed = Date.now();

    // the others keep answering while it is down
    const others = await post(base, '{ region(code: "28") { name localJobCenters { name } saeilCenters { name } } }');
    expect(others.errors).toBeUndefined();
    expect(others.data.region.name).toBe("인천광역시");

    let back = false;
    while (!back && Date.now() - killed < 20_000) {
      back = await fetch(`http://127.0.0.1:${welfarePort}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!back) await sleep(100);
    }
    console.log(`[supervision] welfare-partners ready again ${Date.now() - killed} ms after SIGKILL`);
    expect(back).toBe(true);
    expect(launcher.output()).toMatch(/welfare-partners exited \(signal SIGKILL\); restarting in \d+ ms/);
    expect(launcher.output()).toMatch(/welfare-partners restarted \(pid \d+\)/);
    const whole = await post(base, '{ region(code: "28") { welfarePartners { name } } }');
    expect(whole.errors).toBeUndefined();
    expect(whole.data.region.welfarePartners.length).toBeGreaterThan(0);
  } finally {
    child.kill("SIGINT");
  }
  expect(await launcher.exited).toBe(0);
  expect(launcher.output()).not.toContain("stopping everything");
}, 90_000);
