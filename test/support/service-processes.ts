import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@subgraphs/registry";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { TEST_AUTH } from "./test-auth";
import { testDatabaseUrls } from "./test-env";

/** A service started from `dist/` as its own process, as in production; its output is kept for the test to read. */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

const dist = (...parts: string[]) => path.join(PROJECT_ROOT, "dist", ...parts);
const LISTENING = /http:\/\/127\.0\.0\.1:(\d+)\/graphql|listening on 127\.0\.0\.1:(\d+)/;

/** The environment every test service gets: the test identity provider, loopback, a free port, small pools. */
function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DB_POOL_SIZE: "2",
    AUTH_JWT_SECRET: TEST_AUTH.tokens.keys.kind === "shared-secret" ? TEST_AUTH.tokens.keys.secret : "",
    GATEWAY_SECRET: TEST_AUTH.gatewaySecret,
    ...extra,
  };
  return env;
}

/** Starts `node <script>` and resolves once it printed the URL it listens on. */
async function startService(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first (npm test does)`);
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = LISTENING.exec(output);
    if (match) return { child, url: `http://127.0.0.1:${match[1] ?? match[2]}/graphql`, output: () => output };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${script} ${args.join(" ")} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ServiceProcesses {
  gateway: ServiceProcess;
  subgraphs: Partial<Record<SubgraphName, ServiceProcess>>;
  /** SIGTERM to every process, then waits until each has exited (they flush their spans first). */
  stop(): Promise<void>;
}

/**
 * `subgraphs` (each on the test databases) and the gateway over them, from `dist/`, each on a port of its own;
 * `env` is added to every service's environment, `envOf` to one's (e.g. its OTEL_SERVICE_NAME).
 */
export async function startServiceProcesses(
  subgraphs: readonly SubgraphName[] = SUBGRAPH_NAMES,
  env: Record<string, string> = {},
  envOf: (service: SubgraphName | "gateway") => Record<string, string> = () => ({}),
): Promise<ServiceProcesses> {
  const urls = testDatabaseUrls();
  const started: Partial<Record<SubgraphName, ServiceProcess>> = {};
  const all: ServiceProcess[] = [];
  try {
    for (const name of subgraphs) {
      const service = await startService(
        dist("subgraphs", "bin.js"),
        [name],
        serviceEnv({ ...env, DATABASE_URL: urls[name], ...envOf(name) }),
      );
      started[name] = service;
      all.push(service);
    }
    // a subgraph not started is pointed at a closed port: the gateway answers with the others' data
    const gatewayEnv: Record<string, string> = { ...env, ...envOf("gateway") };
    for (const name of SUBGRAPH_NAMES)
      gatewayEnv[subgraphVariable(SUBGRAPHS[name], "URL")] = started[name]?.url ?? "http://127.0.0.1:9/graphql";
    const gateway = await startService(dist("gateway", "src", "bin.js"), [], serviceEnv(gatewayEnv));
    all.push(gateway);
    return { gateway, subgraphs: started, stop: () => stopAll(all) };
  } catch (error) {
    await stopAll(all);
    throw error;
  }
}

async function stopAll(services: ServiceProcess[]): Promise<void> {
  await Promise.all(
    services.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}
