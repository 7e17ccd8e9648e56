import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { scratchDatabases } from "./scratch-databases";
import { startSystem, type TestSystem } from "./system";

/** The platform on a test file's own databases, with the agencies' events delivered between them as `npm start` does. */
export interface ScratchSystem extends TestSystem {
  /** Resolves once every event written so far has been handled by every other agency (a person is slower than that). */
  settle(): Promise<void>;
}

/**
 * Starts the four subgraphs and the gateway over scratch databases (scratch-databases.ts) that the file may write,
 * each subgraph relaying its outbox to the others' `POST /events`, as the launcher's embedded default does.
 */
export async function startScratchSystem(name: string, seeding: { participants?: number; seed?: string } = {}): Promise<ScratchSystem> {
  const peers: Partial<Record<SubgraphName, string>> = {};
  const urls = await scratchDatabases(name, seeding.participants, seeding.seed);
  const system = await startSystem({ urls, events: () => ({ kind: "peers", peers }) });
  // the relays read their peers at every pass: the addresses are known once every subgraph listens
  for (const subgraph of SUBGRAPH_NAMES) peers[subgraph] = system.subgraphs[subgraph].url;
  return Object.assign(system, {
    async settle() {
      await Promise.all(SUBGRAPH_NAMES.flatMap((subgraph) => system.subgraphs[subgraph].events?.relay.drain() ?? []));
    },
  });
}
