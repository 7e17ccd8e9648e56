import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { SCHEMA_DIR } from "@lib/config/paths";
import type { RunningService } from "@lib/http/service";
import type { SqlStatementCounter } from "@lib/db/sql-counter";
import { createSubgraphServer } from "@lib/http/create-subgraph-server";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@subgraphs/registry";
import { createGateway, type GatewayOptions, type RunningGateway } from "../../gateway/src/server";
import { TEST_AUTH, testVerifier, tokenFor } from "./test-auth";
import type { DatabaseUrls } from "@lib/platform/prepare-databases";
import type { EventsConfig, RunningEvents } from "@lib/events/start-events";
import { testDatabaseUrls } from "./test-env";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

/** The whole platform in this process: four subgraphs and the gateway on port 0, real HTTP between them. */
export interface TestSystem {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningService & { sqlCounter: SqlStatementCounter; events: RunningEvents | null }>;
  /**
   * Sends an operation to the gateway, by name from the contract file or as a query text. It carries `token`, by
   * default a counsellor's ({@link DEFAULT_TOKEN_USER}); `null` sends it anonymously.
   */
  query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Runs SQL directly on one agency's database (for expectations computed independently of the graph). */
  sql<T extends Record<string, any> = Record<string, any>>(name: SubgraphName, text: string, params?: unknown[]): Promise<T[]>;
  /** Stops one subgraph, as if that agency's service went down. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Who the tests' requests come from unless they say otherwise: the manager of 인천고용센터 (employment center 21), who
 * reads the center's whole caseload with names in full; tests of other roles and offices pass their own token.
 */
export const DEFAULT_TOKEN_USER = { role: "CENTER_MANAGER", org: 21, sub: "manager-test" } as const;

export const CONTRACT = readFileSync(path.join(__dirname, "..", "contract", "operations.graphql"), "utf8");

/** Changes to the standard system: its databases, subgraphs run elsewhere, events, gateway options. */
export interface SystemOptions {
  /** Another set of databases (a test file's own: scratch-databases.ts); default the shared seeded ones. */
  urls?: DatabaseUrls<SubgraphName>;
  /** Databases other than those, by subgraph (a PostgreSQL the test stops and starts). */
  databaseUrls?: Partial<Record<SubgraphName, string>>;
  /** Subgraphs not started here but already answering at these URLs (a separate process the test freezes). */
  external?: Partial<Record<SubgraphName, string>>;
  /** How the agencies' events travel between the subgraphs started here; default off. */
  events?: (name: SubgraphName) => EventsConfig;
  /** Gateway options: short timeouts and breaker settings, a supergraph file to reload, a report cache. */
  gateway?: Partial<GatewayOptions>;
}

export async function startSystem(options: SystemOptions = {}): Promise<TestSystem> {
  const urls = { ...(options.urls ?? testDatabaseUrls()), ...options.databaseUrls };
  const subgraphs = {} as TestSystem["subgraphs"];
  const subgraphUrls = { ...options.external } as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    if (options.external?.[name]) continue;
    // job-centers starts first; the others ask it about participants (lib/mutation/ask-owner.ts)
    const server = await createSubgraphServer(SUBGRAPHS[name], {
      databaseUrl: urls[name],
      poolSize: 4,
      auth: TEST_AUTH,
      events: options.events?.(name),
      jobCentersUrl: subgraphUrls["job-centers"],
    });
    subgraphs[name] = Object.assign(await server.listen(0), { sqlCounter: server.sqlCounter, events: server.events });
    subgraphUrls[name] = subgraphs[name].url;
  }
  const running = await createGateway({
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"),
    subgraphUrls,
    port: 0,
    auth: { verify: testVerifier, gatewaySecret: TEST_AUTH.gatewaySecret },
    ...options.gateway,
  });
  const defaultToken = await tokenFor(DEFAULT_TOKEN_USER.role, DEFAULT_TOKEN_USER.org, DEFAULT_TOKEN_USER.sub);
  const clients = new Map<SubgraphName, Client>();
  const stopped = new Set<SubgraphName>();
  return {
    gateway: running,
    subgraphs,
    async query(query, variables = {}, operationName, token = defaultToken) {
      const response = await fetch(running.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async sql(name, text, params = []) {
      let client = clients.get(name);
      if (!client) {
        client = new Client({ connectionString: urls[name] });
        await client.connect();
        clients.set(name, client);
      }
      return (await client.query(text, params)).rows;
    },
    async stopSubgraph(name) {
      stopped.add(name);
      await subgraphs[name].stop();
    },
    async stop() {
      await running.stop();
      for (const name of SUBGRAPH_NAMES) if (!stopped.has(name) && subgraphs[name]) await subgraphs[name].stop();
      for (const client of clients.values()) await client.end();
    },
  };
}

/** Runs one operation of the client contract, unchanged, by its name. */
export function contract(system: TestSystem, operationName: string, variables: Record<string, unknown> = {}, token?: string | null) {
  return system.query(CONTRACT, variables, operationName, token);
}

/** Where each of the system's subgraphs answers, as a gateway's `subgraphUrls`. */
export function subgraphUrlsOf(subgraphs: TestSystem["subgraphs"]): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
}
