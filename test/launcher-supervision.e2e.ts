import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_ROOT } from "@lib/config/paths";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_NAMES, SUBGRAPHS } from "@subgraphs/registry";
import { freePorts } from "../bench/system";
import { testDatabaseUrls } from "./support/test-env";

/**
 * `npm start` supervises what it started: a subgraph killed with SIGKILL is logged and restarted with backoff, while
 * the gateway and the other subgraphs keep answering.
 */
const launcher = path.join(PROJECT_ROOT, "dist", "scripts", "start.js");

const post = async (port: number, query: string) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
};

it("restarts a subgraph that died, while the rest keep serving", async () => {
  const urls = testDatabaseUrls();
  // ports the OS says are free: fixed or random ones in 32768–60999 collided with other tests' outgoing connections
  const [base, ...subgraphPorts] = await freePorts(1 + SUBGRAPH_NAMES.length);
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GATEWAY_PORT: String(base) };
  SUBGRAPH_NAMES.forEach((name, i) => {
    env[subgraphVariable(SUBGRAPHS[name], "DATABASE_URL")] = urls[name];
    env[subgraphVariable(SUBGRAPHS[name], "PORT")] = String(subgraphPorts[i]);
  });
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [launcher], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    const deadline = Date.now() + 45_000;
    while (!output.includes("GraphiQL: ") && Date.now() < deadline && child.exitCode === null) await sleep(100);
    expect(output).toContain(`GraphiQL: http://127.0.0.1:${base}/graphql`);

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
    expect(output).toMatch(/welfare-partners exited \(signal SIGKILL\); restarting in \d+ ms/);
    expect(output).toMatch(/welfare-partners restarted \(pid \d+\)/);
    const whole = await post(base, '{ region(code: "28") { welfarePartners { name } } }');
    expect(whole.errors).toBeUndefined();
    expect(whole.data.region.welfarePartners.length).toBeGreaterThan(0);
  } finally {
    child.kill("SIGINT");
  }
  expect(await exited).toBe(0);
  expect(output).not.toContain("stopping everything");
}, 90_000);
