import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { reachableHost } from "@lib/http/service";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { readLauncherEnv } from "./env";
import { provideDatabases } from "./support/databases";
import { counselorToken, provideLocalAuth } from "./support/local-auth";
import { startProcess, stopProcesses, waitForHealth, type ServiceProcess } from "./support/processes";

/**
 * `npm start`: the whole platform on one machine. Databases (embedded PostgreSQL unless DATABASE_URL is set),
 * migrations, demo data when empty, then the four subgraphs and the gateway as separate processes.
 * Ctrl-C (SIGINT/SIGTERM) stops every process, then PostgreSQL.
 */
const log = (line: string) => console.log(`[start] ${line}`);

/**
 * The gateway's live data is small (~60 MB of heap under load); without a cap V8 lets the old generation grow to
 * several hundred MB before collecting it. A cap keeps its RSS bounded at a small cost in GC time.
 */
const GATEWAY_NODE_FLAGS = ["--max-old-space-size=160"];
const dist = (...parts: string[]) => path.join(PROJECT_ROOT, "dist", ...parts);

async function main(): Promise<void> {
  const started = Date.now();
  const env = readLauncherEnv();
  const databases = await provideDatabases(env, log);
  const auth = await provideLocalAuth(env.dataDir, process.env);
  const services: ServiceProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    await stopProcesses(services);
    await databases.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const host = reachableHost(env.host);
    await Promise.all(
      SUBGRAPH_LIST.map(async ({ name }) => {
        const port = env.subgraphPorts[name];
        const service = startProcess(name, {
          script: dist("subgraphs", "bin.js"),
          args: [name],
          env: {
            PORT: String(port),
            HOST: env.host,
            DATABASE_URL: databases.urls[name],
            NODE_ENV: env.nodeEnv,
            // the other agencies ask job-centers whether a participant exists (lib/mutation/ask-owner.ts)
            JOB_CENTERS_URL: `http://${host}:${env.subgraphPorts["job-centers"]}/graphql`,
            ...auth.env,
          },
        });
        services.push(service);
        await waitForHealth(service, `http://${host}:${port}/health`, 30_000);
      }),
    );
    const gatewayEnv: Record<string, string> = { PORT: String(env.gatewayPort), HOST: env.host, NODE_ENV: env.nodeEnv, ...auth.env };
    for (const subgraph of SUBGRAPH_LIST) {
      gatewayEnv[subgraphVariable(subgraph, "URL")] = `http://${host}:${env.subgraphPorts[subgraph.name]}/graphql`;
    }
    const gateway = startProcess("gateway", { script: dist("gateway", "src", "bin.js"), env: gatewayEnv, nodeFlags: GATEWAY_NODE_FLAGS });
    services.push(gateway);
    await waitForHealth(gateway, `http://${host}:${env.gatewayPort}/health`, 30_000);
    for (const service of services) {
      void service.exited.then((code) => {
        if (!stopping) {
          log(`${service.name} exited (code ${code}); stopping everything`);
          void shutdown(1);
        }
      });
    }
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log(`GraphiQL: http://${host}:${env.gatewayPort}/graphql`);
    const ready = auth.keys && (await counselorToken(auth.keys, databases.urls["job-centers"], env.tokens));
    if (ready) {
      log(`a token of ${ready.who}, valid 12 h; paste into GraphiQL's Headers tab:`);
      console.log(JSON.stringify({ Authorization: `Bearer ${ready.token}` }));
      log("other roles: npm run token -- --role ANALYST (see README, Security)");
    }
  } catch (error) {
    console.error(`[start] ${(error as Error).message}`);
    await shutdown(1);
  }
}

main().catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
