import { defineSubgraph } from "@lib/subgraph/declaration";

/** The women's reemployment centers (새일센터): vocational courses and internships. */
export const saeilCenters = defineSubgraph({
  name: "saeil-centers",
  agency: "women's reemployment centers (새일센터)",
  defaultPort: 4003,
  database: "saeil_centers",
  envPrefix: "SAEIL_CENTERS",
  // loaded on first use, so that what only reads the fields above (the gateway) never loads type-graphql or TypeORM
  schema: async () => (await import("./schema")).buildSchema(),
  entities: async () => (await import("./entities")).entities,
  migrations: async () => (await import("./migrations")).migrations,
  loaders: async () => (await import("./context")).createLoaders,
  eventEffects: async () => (await import("@lib/events/access-copy")).NOTICE_EFFECTS,
});
