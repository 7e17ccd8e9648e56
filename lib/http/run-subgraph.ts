import type { SubgraphEnv } from "@lib/config/subgraph-env";
import type { SubgraphDeclaration } from "@lib/subgraph/declaration";
import { createLogger } from "@lib/log/logger";
import { shutdownTracing } from "@lib/telemetry/tracing";
import { createSubgraphServer } from "./create-subgraph-server";

/**
 * Runs one subgraph as a process: build the server, listen on the configured port, stop cleanly on SIGINT/SIGTERM
 * (in-flight requests finish, the pool closes). Exits with 1 when it cannot start.
 */
export async function runSubgraph(subgraph: SubgraphDeclaration, env: SubgraphEnv): Promise<void> {
  const logger = createLogger(subgraph.name, { level: env.logLevel });
  try {
    const server = await createSubgraphServer(subgraph, { ...env, logger });
    const running = await server.listen(env.port, env.host);
    logger.info({ url: running.url }, `ready at ${running.url}`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await running.stop();
      await shutdownTracing(); // the last spans, before the process is gone
      process.exit(0);
    };
    process.on("SIGINT", () => void stop());
    process.on("SIGTERM", () => void stop());
  } catch (error) {
    logger.fatal(`failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
}
