import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import type { EventEffects } from "@lib/events/delivered-event";

/** A TypeORM entity or migration class, as TypeORM's own option types name them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's MixedList<Function> takes exactly this
export type ClassList = Function[];

/**
 * Everything there is to know about one agency's subgraph, declared once in `subgraphs/<name>/src/subgraph.ts`.
 * The plain fields are read by the gateway, the launcher and the tools; the parts that pull in type-graphql and
 * TypeORM are loaded only where the subgraph is built or migrated, so the gateway never loads them.
 */
export interface SubgraphDeclaration<Name extends string = string, Loaders = unknown> {
  /** The subgraph's name in the supergraph, e.g. `job-centers`. */
  name: Name;
  /** The agency in the program's own words, for messages people read. */
  agency: string;
  /** Port when nothing else is configured; 4001…4004 in registry order. */
  defaultPort: number;
  /** Database name without the prefix: the full name is `<prefix>_<database>` (see {@link databaseName}). */
  database: string;
  /** Prefix of this subgraph's variables where several services share one environment, e.g. `JOB_CENTERS`. */
  envPrefix: string;
  /** The federated schema; needs no database. */
  schema(): Promise<GraphQLSchema>;
  /** TypeORM entities of its database. */
  entities(): Promise<ClassList>;
  /** TypeORM migrations of its database, oldest first. */
  migrations(): Promise<ClassList>;
  /** The factory of one request's DataLoaders. */
  loaders(): Promise<(db: DataSource) => Loaders>;
  /** What this agency does on the other agencies' events, besides keeping its copy of links and consents. */
  eventEffects?(): Promise<EventEffects>;
}

/** Declares a subgraph; the identity, typed so that the name stays a literal type. */
export function defineSubgraph<const Name extends string, Loaders>(
  declaration: SubgraphDeclaration<Name, Loaders>,
): SubgraphDeclaration<Name, Loaders> {
  return declaration;
}

export const DEFAULT_DATABASE_PREFIX = "njsp";

/** The subgraph's database name on a shared server, e.g. `njsp_job_centers`. */
export function databaseName(subgraph: Pick<SubgraphDeclaration, "database">, prefix = DEFAULT_DATABASE_PREFIX): string {
  return `${prefix}_${subgraph.database}`;
}

/** A variable of this subgraph in a shared environment, e.g. `subgraphVariable(jobCenters, "URL")` → `JOB_CENTERS_URL`. */
export function subgraphVariable(
  subgraph: Pick<SubgraphDeclaration, "envPrefix">,
  suffix: "URL" | "PORT" | "DATABASE_URL" | "TIMEOUT_MS",
): string {
  return `${subgraph.envPrefix}_${suffix}`;
}
