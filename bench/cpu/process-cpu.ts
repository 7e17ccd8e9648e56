import { readdirSync, readFileSync } from "node:fs";
import { clockTicksPerSecond, parseStatCpuTicks, parseStatParentPid } from "../peer";

/** One process as `/proc` shows it: its parent, CPU seconds so far and command line. */
export interface ProcessEntry {
  ppid: string;
  cpuSec: number;
  cmd: string;
}

/** Every process of the machine now, by pid. */
export function processTable(): Map<string, ProcessEntry> {
  const table = new Map<string, ProcessEntry>();
  const ticks = clockTicksPerSecond();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      table.set(pid, { ppid: parseStatParentPid(stat), cpuSec: parseStatCpuTicks(stat) / ticks, cmd });
    } catch {
      // gone between the listing and the read
    }
  }
  return table;
}

/** Which system a command line belongs to: the baseline's worktree and data live under `.data/baseline-<sha>`. */
const sideOf = (cmd: string): "ours" | "baseline" => (cmd.includes("/.data/baseline-") ? "baseline" : "ours");

/**
 * `ours gateway`, `baseline job-centers`, `ours postgres` …: the service a process is, or null for any other process.
 * A PostgreSQL backend is told by its postmaster (its parent), whose `-D` names the data directory; only the
 * embedded servers the launchers start count (their data directories are under `.data`).
 */
export function serviceOf(table: ReadonlyMap<string, ProcessEntry>, pid: string): string | null {
  const entry = table.get(pid);
  if (!entry) return null;
  if (entry.cmd.includes("gateway/src/bin.js")) return `${sideOf(entry.cmd)} gateway`;
  const subgraph = /subgraphs\/bin\.js (\S+)/.exec(entry.cmd);
  if (subgraph) return `${sideOf(entry.cmd)} ${subgraph[1]}`;
  const postmaster = isLaunchersPostmaster(entry) ? entry : table.get(entry.ppid);
  return postmaster && isLaunchersPostmaster(postmaster) ? `${sideOf(postmaster.cmd)} postgres` : null;
}

/** An embedded PostgreSQL a launcher started: its data directory (`-D`) is under a `.data` folder. */
const isLaunchersPostmaster = (entry: ProcessEntry) => /postgres/.test(entry.cmd) && / -D \S*\/\.data\//.test(entry.cmd);

/** CPU seconds each service used between two tables (its processes summed; ones started in between from zero). */
export function cpuBetween(before: ReadonlyMap<string, ProcessEntry>, after: ReadonlyMap<string, ProcessEntry>): Map<string, number> {
  const used = new Map<string, number>();
  for (const [pid, entry] of after) {
    const service = serviceOf(after, pid);
    if (service === null) continue;
    used.set(service, (used.get(service) ?? 0) + entry.cpuSec - (before.get(pid)?.cpuSec ?? 0));
  }
  return used;
}
