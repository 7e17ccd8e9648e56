import { Client } from "pg";
import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { lanesOf } from "../copy/tables";

/** Open connections to each agency's own database, one per lane (see `TableSpec.lane`); the first does the rest. */
export type AgencyClients = Record<SubgraphName, Client[]>;

/**
 * Runs `work` on all four databases at once and waits for every one to end, so that no connection is still busy
 * when the caller closes them; then throws the first failure, naming the agency.
 */
export async function onEachDatabase(
  clients: AgencyClients,
  work: (connections: Client[], name: SubgraphName) => Promise<void>,
): Promise<void> {
  const results = await Promise.allSettled(SUBGRAPH_NAMES.map((name) => work(clients[name], name)));
  const failed = results.findIndex((r) => r.status === "rejected");
  if (failed >= 0) {
    const reason = (results[failed] as PromiseRejectedResult).reason as unknown;
    const message = reason instanceof Error ? reason.message : String(reason);
    throw new Error(`${SUBGRAPH_NAMES[failed]}: ${message}`, { cause: reason });
  }
}

/** Connects to the four databases. Commits need not wait for the disk: a crash means seeding again anyway. */
export async function connectAll(urls: Record<SubgraphName, string>): Promise<AgencyClients> {
  const clients = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, Array.from({ length: lanesOf(name) }, () => new Client({ connectionString: urls[name] }))]),
  ) as AgencyClients;
  try {
    await onEachDatabase(clients, async (connections) => {
      for (const client of connections) {
        await client.connect();
        await client.query("SET synchronous_commit TO off");
      }
    });
  } catch (error) {
    await closeAll(clients);
    throw error;
  }
  return clients;
}

export async function closeAll(clients: AgencyClients): Promise<void> {
  await Promise.allSettled(SUBGRAPH_NAMES.flatMap((name) => clients[name].map((client) => client.end())));
}
