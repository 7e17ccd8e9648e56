import { defineSubgraph } from "@lib/subgraph/declaration";

/** The local government job centers (지자체 일자리센터): they find people in blind spots and link them in. */
export const localJobCenters = defineSubgraph({
  name: "local-job-centers",
  agency: "local government job centers (지자체 일자리센터)",
  defaultPort: 4002,
  database: "local_job_centers",
  envPrefix: "LOCAL_JOB_CENTERS",
  // loaded on first use, so that what only reads the fields above (the gateway) never loads type-graphql or TypeORM
  schema: async () => (await import("./schema")).buildSchema(),
  entities: async () => (await import("./entities")).entities,
  migrations: async () => (await import("./migrations")).migrations,
  loaders: async () => (await import("./context")).createLoaders,
});
