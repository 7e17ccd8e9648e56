import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { SUBGRAPH_NAMES, SUBGRAPHS } from "@subgraphs/registry";
import { freePorts } from "../bench/system";
import { testDatabaseUrls } from "./support/test-env";
import { subgraphVariable } from "@lib/subgraph/declaration";

/**
 * `npm start`'s launcher, as a user runs it (compiled, separate processes), against the already seeded test
 * databases: ready, answering through the gateway, and stopping every process on SIGINT.
 */
const launcher = path.join(PROJECT_ROOT, "dist", "scripts", "start.js");

it("starts four subgraphs and the gateway as processes and stops them all on Ctrl-C", async () => {
  expect(existsSync(launcher)).toBe(true); // `npm test` builds first
  const urls = testDatabaseUrls();
  // ports the OS says are free: random ones in 32768–60999 can collide with other tests' outgoing connections
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

  const deadline = Date.now() + 45_000;
  while (!output.includes("GraphiQL: ") && Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(output).toContain(`GraphiQL: http://127.0.0.1:${base}/graphql`);

  const response = await fetch(`http://127.0.0.1:${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: '{ region(code: "28") { name localJobCenters { name } saeilCenters { name } welfarePartners { name } } }',
    }),
  });
  const body = await response.json();
  expect(body.data.region.name).toBe("인천광역시");
  expect(body.data.region.localJobCenters.length).toBeGreaterThan(0);

  child.kill("SIGINT");
  expect(await exited).toBe(0);
  expect(output).toContain("stopped");
  // every port is free again: nothing was left running
  for (const port of [base, ...subgraphPorts]) {
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }
}, 90_000);
