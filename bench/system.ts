import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo, type Server } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@subgraphs/registry";
import { subgraphVariable } from "@lib/subgraph/declaration";

/** The platform started by the benchmark through the launcher, as separate processes like `npm start`. */
export interface LaunchedSystem {
  gatewayUrl: string;
  /** Each subgraph's GraphQL endpoint (for the peer gateway and the floor). */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphMetricsUrls: Record<SubgraphName, string>;
  /** The variables the launcher got on top of the harness's environment (its data directory and ports among them). */
  env: Record<string, string>;
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

/** The launcher's default data size; other sizes get a directory and a PostgreSQL port of their own. */
export const LAUNCHER_DEFAULT_PARTICIPANTS = 20_000;

/**
 * The launcher variables for a data size: none for the default (the normal `.data` and port 54329), otherwise
 * `SEED_PARTICIPANTS`, `DATA_DIR=.data/bench-<n>` (seeded on its first start, kept afterwards) and `PG_PORT`.
 */
export function dataSizeEnv(participants: number, pgPort: number): Record<string, string> {
  if (participants === LAUNCHER_DEFAULT_PARTICIPANTS) return {};
  return { SEED_PARTICIPANTS: String(participants), DATA_DIR: path.join(".data", `bench-${participants}`), PG_PORT: String(pgPort) };
}

/**
 * How long start-up may take: 3 minutes, plus 3 ms per participant for a first start that seeds. Seeding runs at
 * 1,000–5,000 participants/s on 2 cores depending on what else runs; a fixed 15 minutes stopped a 1,000,000 seed at
 * 86% on a busy machine (and the next start seeds again from nothing, as the seed run is recorded last).
 */
export function startupTimeoutMs(participants: number): number {
  return 180_000 + 3 * participants;
}

/** Which launcher to run and with which data (the defaults: this checkout's, as `npm start`). */
export interface LaunchOptions {
  /** Data size (default 20,000: the launcher's own `.data`); see {@link dataSizeEnv}. */
  participants?: number;
  /** How long start-up may take (a first start migrates and seeds); default by data size. */
  timeoutMs?: number;
  /** The checkout whose `dist/scripts/start.js` runs (another version's, for `--baseline`); default this one. */
  root?: string;
  /**
   * A data directory of its own (absolute): then `DATA_DIR`, `SEED_PARTICIPANTS` and a free `PG_PORT` always, and
   * none of the environment's `DATABASE_URL` / `DATABASE_PREFIX` / `<SUBGRAPH>_DATABASE_URL`, so it shares no database.
   */
  dataDir?: string;
  /** More launcher variables, over those (the write phase's scratch databases: `DATABASE_URL`, …). */
  env?: Record<string, string>;
}

/**
 * The launcher's ready line: the JSON log line of today's launcher (lib/log/logger.ts:
 * `{"service":"launcher",…,"msg":"GraphiQL: <url>"}`) or the plain `[start] GraphiQL: <url>` of older versions.
 */
export function launcherReadyUrl(line: string): string | null {
  const match = /"service":"launcher".*"msg":"GraphiQL: ([^"\s]+)"/.exec(line) ?? /^\[start\] GraphiQL: (\S+)/.exec(line);
  return match ? match[1] : null;
}

/** The variables that would point a launcher at a database of the environment instead of its own. */
function sharedDatabaseVariables(): string[] {
  return ["DATABASE_URL", "DATABASE_PREFIX", ...SUBGRAPH_NAMES.map((name) => subgraphVariable(SUBGRAPHS[name], "DATABASE_URL"))];
}

/**
 * Runs `node dist/scripts/start.js` (of `options.root`) with the gateway and subgraphs on free ports and waits for
 * its `GraphiQL: <url>` log line. Its output goes to stderr, prefixed, so the table on stdout stays clean.
 */
export async function launchSystem(options: LaunchOptions = {}): Promise<LaunchedSystem> {
  const participants = options.participants ?? LAUNCHER_DEFAULT_PARTICIPANTS;
  const timeoutMs = options.timeoutMs ?? startupTimeoutMs(participants);
  const root = options.root ?? PROJECT_ROOT;
  const host = "127.0.0.1";
  const [gatewayPort, pgPort, ...subgraphPorts] = await freePorts(2 + SUBGRAPH_NAMES.length, host);
  // REPORT_CACHE off: the peer caches nothing, so ProgramReport compares execution with execution; LOG_REQUESTS
  // off: the peer writes no line per request either (the launcher's own log is still read for its address)
  const env: Record<string, string> = {
    HOST: host,
    GATEWAY_PORT: String(gatewayPort),
    REPORT_CACHE: "false",
    LOG_REQUESTS: "false",
    ...(options.dataDir
      ? { SEED_PARTICIPANTS: String(participants), DATA_DIR: options.dataDir, PG_PORT: String(pgPort) }
      : dataSizeEnv(participants, pgPort)),
    ...options.env,
  };
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  if (options.dataDir) for (const name of sharedDatabaseVariables()) delete inherited[name];
  SUBGRAPH_NAMES.forEach((name, i) => (env[subgraphVariable(SUBGRAPHS[name], "PORT")] = String(subgraphPorts[i])));
  const child = spawn(process.execPath, [path.join(root, "dist", "scripts", "start.js")], {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited(child);
    clearTimeout(killer);
  };
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the system did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      const lines = (buffered + chunk.toString("utf8")).split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const url = launcherReadyUrl(line);
        if (url) {
          clearTimeout(timer);
          resolve(url);
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
  const subgraphUrl = (i: number, route: string) => `http://${host}:${subgraphPorts[i]}/${route}`;
  const subgraphMetricsUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, subgraphUrl(i, "metrics")])) as Record<
    SubgraphName,
    string
  >;
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, subgraphUrl(i, "graphql")])) as Record<
    SubgraphName,
    string
  >;
  return { gatewayUrl, subgraphUrls, subgraphMetricsUrls, env, stop };
}

/** With `--reuse`: the subgraphs' `/metrics` at the gateway's host on their default ports (4001–4004). */
export function defaultSubgraphMetricsUrls(gatewayUrl: string): Record<SubgraphName, string> {
  return defaultSubgraphRoutes(gatewayUrl, "metrics");
}

/** With `--reuse`: the subgraphs' GraphQL endpoints at the gateway's host on their default ports (4001–4004). */
export function defaultSubgraphUrls(gatewayUrl: string): Record<SubgraphName, string> {
  return defaultSubgraphRoutes(gatewayUrl, "graphql");
}

function defaultSubgraphRoutes(gatewayUrl: string, route: string): Record<SubgraphName, string> {
  const { hostname } = new URL(gatewayUrl);
  const host = hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname;
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${host}:${SUBGRAPHS[name].defaultPort}/${route}`])) as Record<
    SubgraphName,
    string
  >;
}
