import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";

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
