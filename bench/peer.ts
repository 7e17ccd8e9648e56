import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { SUBGRAPHS, type SubgraphName } from "@subgraphs/registry";
import { freePorts } from "./system";
import { subgraphVariable } from "@lib/subgraph/declaration";

/** The peer gateway (Hive Gateway, `bench/peer/hive-gateway.ts`) as a running process. */
export interface RunningPeer {
  url: string;
  /** The process to read RSS and CPU of (`/proc/<pid>`). */
  pid: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it exited. */
  stop(): Promise<void>;
}

/** A process's resident memory and CPU time so far, read from `/proc`. */
export interface ProcessSnapshot {
  rssBytes: number;
  cpuSeconds: number;
}

let clockTicks: number | undefined;

/** Clock ticks per second of `/proc/<pid>/stat` times (`getconf CLK_TCK`; 100 on Linux when it cannot be asked). */
export function clockTicksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** `VmRSS` of a `/proc/<pid>/status` text, in bytes; null when absent. */
export function parseVmRss(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** The fields of a `/proc/<pid>/stat` line from field 3 (state) on, so field n is `[n - 3]` (the name may hold spaces). */
function statFields(stat: string): string[] {
  return stat
    .slice(stat.lastIndexOf(")") + 2)
    .trim()
    .split(/\s+/);
}

/** utime + stime of a `/proc/<pid>/stat` line, in clock ticks (fields 14 and 15). */
export function parseStatCpuTicks(stat: string): number {
  const fields = statFields(stat);
  return Number(fields[11]) + Number(fields[12]);
}

/** The parent's pid of a `/proc/<pid>/stat` line (field 4). */
export function parseStatParentPid(stat: string): string {
  return statFields(stat)[1];
}

/** RSS and CPU time of process `pid` from `/proc`; null where there is no `/proc` (not Linux) or no such process. */
export function readProcessSnapshot(pid: number): ProcessSnapshot | null {
  try {
    const rssBytes = parseVmRss(readFileSync(`/proc/${pid}/status`, "utf8"));
    const ticks = parseStatCpuTicks(readFileSync(`/proc/${pid}/stat`, "utf8"));
    if (rssBytes === null || !Number.isFinite(ticks)) return null;
    return { rssBytes, cpuSeconds: ticks / clockTicksPerSecond() };
  } catch {
    return null;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Whether `url` answers `{ __typename }` with data (asked with `headers`, like every benchmark request). */
async function answersTypename(url: string, headers: Readonly<Record<string, string>>): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { data?: { __typename?: string } };
    return response.ok && body.data?.__typename === "Query";
  } catch {
    return false;
  }
}

/**
 * Starts `node dist/bench/peer/hive-gateway.js` on a free port over the given subgraphs and waits until it answers
 * `{ __typename }` (asked with `options.headers`, the benchmark's `authorization`). Its output goes to stderr,
 * prefixed `[peer]`.
 */
export async function startPeer(
  subgraphUrls: Record<SubgraphName, string>,
  options: { headers?: Readonly<Record<string, string>>; timeoutMs?: number } = {},
): Promise<RunningPeer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const script = path.join(PROJECT_ROOT, "dist", "bench", "peer", "hive-gateway.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const host = "127.0.0.1";
  const [port] = await freePorts(1, host);
  const env: Record<string, string> = { PORT: String(port), HOST: host, NODE_ENV: "production" };
  for (const [name, url] of Object.entries(subgraphUrls)) env[subgraphVariable(SUBGRAPHS[name as SubgraphName], "URL")] = url;
  const child = spawn(process.execPath, [script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) process.stderr.write(`[peer] ${line}\n`);
  };
  child.stdout.on("data", forward);
  child.stderr.on("data", forward);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(killer);
  };
  const url = `http://${host}:${port}/graphql`;
  const deadline = Date.now() + timeoutMs;
  while (!(await answersTypename(url, options.headers ?? {}))) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the peer gateway exited during start-up (code ${child.exitCode})`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the peer gateway did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error("the peer gateway has no pid");
  return { url, pid: child.pid, stop };
}
