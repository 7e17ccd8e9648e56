import type { SubgraphEnv } from "../config/subgraph-env";
import type { SubgraphServiceOptions } from "./create-subgraph-server";
import type { SubgraphServer } from "./subgraph-server";

/**
 * The body of every subgraph's `index.ts`: build the server, listen on the configured port, stop cleanly on
 * SIGINT/SIGTERM (in-flight requests finish, the pool closes).
 */
export async function runSubgraph(
  name: string,
  env: SubgraphEnv,
  create: (options: SubgraphServiceOptions) => Promise<SubgraphServer>,
): Promise<void> {
  try {
    const server = await create(env);
    const running = await server.listen(env.port, env.host);
    console.log(`[${name}] ready at ${running.url}`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await running.stop();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    console.error(`[${name}] failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
}
