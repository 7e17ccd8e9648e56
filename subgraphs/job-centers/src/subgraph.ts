import { defineSubgraph } from "@lib/subgraph/declaration";

/** The employment centers (고용센터): they run the program, and own Participant and Region. */
export const jobCenters = defineSubgraph({
  name: "job-centers",
  agency: "employment centers (고용센터)",
  defaultPort: 4001,
  database: "job_centers",
  envPrefix: "JOB_CENTERS",
  // loaded on first use, so that what only reads the fields above (the gateway) never loads type-graphql or TypeORM
  schema: async () => (await import("./schema")).buildSchema(),
  entities: async () => (await import("./entities")).entities,
  migrations: async () => (await import("./migrations")).migrations,
  loaders: async () => (await import("./context")).createLoaders,
  eventEffects: async () => (await import("./participant-source/participant-source.effects")).eventEffects,
});
