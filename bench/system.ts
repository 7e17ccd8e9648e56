import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo, type Server } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "../lib/config/paths";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "../lib/subgraph-names";

/** The platform started by the benchmark through the launcher, as separate processes like `npm start`. */
export interface LaunchedSystem {
  gatewayUrl: string;
  subgraphMetricsUrls: Record<SubgraphName, string>;
  /** SIGINT to the launcher (which stops the services, then PostgreSQL); resolves once it exited. */
  stop(): Promise<void>;
}

/** `count` distinct free TCP ports on `host` (all held open until every one is known, so none repeats). */
export async function freePorts(count: number, host = "127.0.0.1"): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, host, resolve));
      servers.push(server);
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Runs `node dist/scripts/start.js` with the gateway and subgraphs on free ports and waits for its
 * `GraphiQL: <url>` line. Its output goes to stderr, prefixed, so the table on stdout stays clean.
 * @param timeoutMs how long start-up may take (a first start migrates and seeds 20,000 participants).
 */
export async function launchSystem(timeoutMs = 180_000): Promise<LaunchedSystem> {
  const host = "127.0.0.1";
  const [gatewayPort, ...subgraphPorts] = await freePorts(1 + SUBGRAPH_NAMES.length, host);
  const env: Record<string, string> = { HOST: host, GATEWAY_PORT: String(gatewayPort) };
  SUBGRAPH_NAMES.forEach((name, i) => (env[`${SUBGRAPHS[name].envPrefix}_PORT`] = String(subgraphPorts[i])));
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist", "scripts", "start.js")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited(child);
    clearTimeout(killer);
  };
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the system did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    let buffered = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      const lines = (buffered + chunk.toString("utf8")).split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^\[start\] GraphiQL: (\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1] as string);
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the launcher exited during start-up (code ${code})`));
    });
  }).catch(async (error: Error) => {
    await stop();
    throw error;
  });
  const subgraphMetricsUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, i) => [name, `http://${host}:${subgraphPorts[i]}/metrics`]),
  ) as Record<SubgraphName, string>;
  return { gatewayUrl, subgraphMetricsUrls, stop };
}

/** With `--reuse`: the subgraphs' `/metrics` at the gateway's host on their default ports (4001–4004). */
export function defaultSubgraphMetricsUrls(gatewayUrl: string): Record<SubgraphName, string> {
  const { hostname } = new URL(gatewayUrl);
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, `http://${hostname}:${SUBGRAPHS[name].defaultPort}/metrics`]),
  ) as Record<SubgraphName, string>;
}
