import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_NAMES, SUBGRAPHS } from "@subgraphs/registry";
import { freePorts } from "../../bench/system";
import { testDatabaseUrls } from "./test-env";

/** `npm start`'s launcher, compiled (`npm test` builds first). */
export const LAUNCHER = path.join(PROJECT_ROOT, "dist", "scripts", "start.js");

/** A launcher process as a user runs it, with everything it prints collected. */
export interface LauncherProcess {
  child: ChildProcess;
  /** Its stdout and stderr so far. */
  output(): string;
  /** Its exit code (null when killed by a signal), once it has exited. */
  exited: Promise<number | null>;
  /** Waits until it has printed `text`, exited, or `timeoutMs` has passed. */
  waitFor(text: string, timeoutMs: number): Promise<void>;
}

export function spawnLauncher(env: Record<string, string>): LauncherProcess {
  const child = spawn(process.execPath, [LAUNCHER], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const waitFor = async (text: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(text) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, output: () => output, exited, waitFor };
}

/**
 * The environment of a launcher over the already seeded test databases, on ports the OS says are free (random ones in
 * 32768–60999 collided with other tests' outgoing connections): the gateway's port and each subgraph's, in
 * SUBGRAPH_NAMES order.
 */
export async function launcherOnTestDatabases(): Promise<{ env: Record<string, string>; base: number; subgraphPorts: number[] }> {
  const urls = testDatabaseUrls();
  const [base, ...subgraphPorts] = await freePorts(1 + SUBGRAPH_NAMES.length);
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GATEWAY_PORT: String(base) };
  SUBGRAPH_NAMES.forEach((name, i) => {
    env[subgraphVariable(SUBGRAPHS[name], "DATABASE_URL")] = urls[name];
    env[subgraphVariable(SUBGRAPHS[name], "PORT")] = String(subgraphPorts[i]);
  });
  delete env.DATABASE_URL;
  return { env, base, subgraphPorts };
}
