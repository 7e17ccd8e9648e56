import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { forTerminal } from "./log-lines";

/** A service started as its own process, with its output prefixed by its name. */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** How to start one service: the compiled script, its arguments, its environment on top of ours, node's flags. */
export interface ProcessSpec {
  script: string;
  args?: string[];
  env: Record<string, string>;
  nodeFlags?: string[];
}

export function startProcess(name: string, spec: ProcessSpec): ServiceProcess {
  const { script, args = [], env, nodeFlags = [] } = spec;
  const child = spawn(process.execPath, ["--enable-source-maps", ...nodeFlags, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // its own process group: a terminal's Ctrl-C reaches only the launcher, which stops the services in order
    detached: true,
  });
  // a service's JSON lines name it already (`service`): they pass as they are, or rendered in a terminal
  // (log-lines.ts); anything else it prints (a crash's stack trace) gets its name in front
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    const shown = forTerminal(out);
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        out.write(line.startsWith("{") ? `${shown(line)}\n` : `[${name}] ${line.replace(/^\[[a-z-]+\] /, "")}\n`);
      }
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, child, exited };
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
export async function waitForHealth(service: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited during start-up`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${service.name} was not healthy at ${url} within ${timeoutMs} ms`);
}

/** SIGTERM to each process, then waits for all; SIGKILL to any still running after `graceMs`. */
export async function stopProcesses(services: ServiceProcess[], graceMs = 10_000): Promise<void> {
  for (const service of services) if (service.child.exitCode === null) service.child.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const service of services) if (service.child.exitCode === null) service.child.kill("SIGKILL");
  }, graceMs);
  await Promise.all(services.map((service) => service.exited));
  clearTimeout(timer);
}
