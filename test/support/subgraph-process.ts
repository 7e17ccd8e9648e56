import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_ROOT } from "@lib/config/paths";
import type { SubgraphName } from "@subgraphs/registry";
import { TEST_AUTH } from "./test-auth";
import { testDatabaseUrls } from "./test-env";

/** One subgraph as its own process (`node dist/subgraphs/bin.js <name>`), which a test can freeze with SIGSTOP. */
export interface SubgraphProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const bin = path.join(PROJECT_ROOT, "dist", "subgraphs", "bin.js");

export async function startSubgraphProcess(name: SubgraphName, port: number, env: Record<string, string> = {}): Promise<SubgraphProcess> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const secret = TEST_AUTH.tokens.keys.kind === "shared-secret" ? TEST_AUTH.tokens.keys.secret : "";
  const child = spawn(process.execPath, [bin, name], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: testDatabaseUrls()[name],
      DB_POOL_SIZE: "4",
      AUTH_JWT_SECRET: secret,
      AUTH_ISSUER: TEST_AUTH.tokens.issuer,
      AUTH_AUDIENCE: TEST_AUTH.tokens.audience,
      GATEWAY_SECRET: TEST_AUTH.gatewaySecret,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up: ${output}`);
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 30 s: ${output}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await sleep(100);
  }
  return {
    url: `${base}/graphql`,
    child,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGCONT"); // a frozen process cannot act on SIGTERM
        child.kill("SIGTERM");
      }
      await exited;
    },
  };
}
