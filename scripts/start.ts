import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { reachableHost } from "@lib/http/service";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { createLogger } from "@lib/log/logger";
import { readLauncherEnv } from "./env";
import { launcherLogDestination } from "./support/log-lines";
import { GATEWAY_NODE_FLAGS, SUBGRAPH_NODE_FLAGS } from "./support/node-flags";
import { provideDatabases } from "./support/databases";
import { counselorToken, provideLocalAuth } from "./support/local-auth";
import { startProcess, stopProcesses, waitForHealth, type ProcessSpec, type ServiceProcess } from "./support/processes";
import { supervise, type Supervised } from "./support/supervise";

/**
 * `npm start`: the whole platform on one machine. Databases (embedded PostgreSQL unless DATABASE_URL is set),
 * migrations, demo data when empty, then the four subgraphs and the gateway as separate processes.
 * A service that dies once the platform is up is restarted with backoff while the others keep serving
 * (support/supervise.ts). Ctrl-C (SIGINT/SIGTERM) stops every process, then PostgreSQL.
 */

const dist = (...parts: string[]) => path.join(PROJECT_ROOT, "dist", ...parts);
/**
 * Each service's name in traces. The services inherit the launcher's environment, OTEL_* included, so one
 * OTEL_SERVICE_NAME set for `npm start` would give all five the same name: each gets its own instead.
 */
const serviceNameEnv = (service: string) => ({ OTEL_SERVICE_NAME: `njsp-${service}` });

async function main(): Promise<void> {
  const started = Date.now();
  const env = readLauncherEnv();
  // JSON lines like its services' (rendered alike in a terminal); the token below stays a plain line to copy
  const logger = createLogger("launcher", { level: env.logLevel, destination: launcherLogDestination() });
  const log = (line: string) => logger.info(line);
  // until the services run, a signal only has the databases to stop: without this, Ctrl-C (or the benchmark giving up
  // on a long first seed) ended the launcher and left its embedded PostgreSQL running, holding the port and data dir
  let stopDatabases: () => Promise<void> = () => Promise.resolve();
  const early = () => void stopDatabases().finally(() => process.exit(130));
  process.once("SIGINT", early);
  process.once("SIGTERM", early);
  const databases = await provideDatabases(env, log, undefined, (stop) => (stopDatabases = stop));
  // from here, stopping the databases also ends the embedded server's supervision (or it would start it again)
  stopDatabases = () => databases.stop();
  const auth = await provideLocalAuth(env.dataDir, process.env);
  const services: ServiceProcess[] = [];
  const specs = new Map<string, ProcessSpec>();
  const supervisors = new Map<string, Supervised>();
  // each service's process now: the first one, or the one its supervisor last started
  const running = () => services.map((service) => supervisors.get(service.name)?.current() ?? service);
  const launch = (name: string, spec: ProcessSpec) => {
    specs.set(name, spec);
    const service = startProcess(name, spec);
    services.push(service);
    return service;
  };
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    await stopProcesses(running());
    await databases.stop();
    log("stopped");
    process.exit(code);
  };
  process.off("SIGINT", early);
  process.off("SIGTERM", early);
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const host = reachableHost(env.host);
    // without NATS_URL the services hand each other their events directly (lib/events/http-transport.ts)
    const peers = SUBGRAPH_LIST.map(({ name }) => `${name}=http://${host}:${env.subgraphPorts[name]}/graphql`).join(",");
    await Promise.all(
      SUBGRAPH_LIST.map(async ({ name }) => {
        const port = env.subgraphPorts[name];
        const service = launch(name, {
          script: dist("subgraphs", "bin.js"),
          args: [name],
          nodeFlags: [...SUBGRAPH_NODE_FLAGS[name]],
          env: {
            PORT: String(port),
            HOST: env.host,
            DATABASE_URL: databases.urls[name],
            NODE_ENV: env.nodeEnv,
            EVENT_PEERS: peers,
            // the other agencies ask job-centers whether a participant exists (lib/mutation/ask-owner.ts)
            JOB_CENTERS_URL: `http://${host}:${env.subgraphPorts["job-centers"]}/graphql`,
            ...auth.env,
            ...serviceNameEnv(name),
          },
        });
        await waitForHealth(service, `http://${host}:${port}/readyz`, 30_000);
      }),
    );
    const gatewayEnv: Record<string, string> = {
      PORT: String(env.gatewayPort),
      HOST: env.host,
      NODE_ENV: env.nodeEnv,
      ...auth.env,
      ...serviceNameEnv("gateway"),
    };
    for (const subgraph of SUBGRAPH_LIST) {
      gatewayEnv[subgraphVariable(subgraph, "URL")] = `http://${host}:${env.subgraphPorts[subgraph.name]}/graphql`;
    }
    const gateway = launch("gateway", { script: dist("gateway", "src", "bin.js"), env: gatewayEnv, nodeFlags: [...GATEWAY_NODE_FLAGS] });
    await waitForHealth(gateway, `http://${host}:${env.gatewayPort}/readyz`, 30_000);
    for (const service of services) {
      const spec = specs.get(service.name)!;
      supervisors.set(service.name, supervise(service, { restart: () => startProcess(service.name, spec), stopping: () => stopping, log }));
    }
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log(`GraphiQL: http://${host}:${env.gatewayPort}/graphql`);
    log(`Reports (an ANALYST's token): http://${host}:${env.gatewayPort}/reports`);
    const ready = auth.keys && (await counselorToken(auth.keys, databases.urls["job-centers"], env.tokens));
    if (ready) {
      log(`a token of ${ready.who}, valid 12 h; paste into GraphiQL's Headers tab:`);
      console.log(JSON.stringify({ Authorization: `Bearer ${ready.token}` }));
      log("other roles: npm run token -- --role ANALYST (see README, Security)");
    }
  } catch (error) {
    logger.error((error as Error).message);
    await shutdown(1);
  }
}

main().catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
