import os from "node:os";

/** The machine a benchmark ran on, so that results from different machines are not compared blindly. */
export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  totalMemoryGb: number;
  platform: string;
  release: string;
  arch: string;
  nodeVersion: string;
  hostname: string;
}

/** Describes this machine (the load generator's; with `--reuse` the services may run elsewhere). */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpuCount: cpus.length,
    totalMemoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    nodeVersion: process.version,
    hostname: os.hostname(),
  };
}
