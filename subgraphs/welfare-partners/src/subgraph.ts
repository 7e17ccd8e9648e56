import { defineSubgraph } from "@lib/subgraph/declaration";

/** The welfare partners (복지기관): mental health, credit recovery, legal aid and counselling take referrals. */
export const welfarePartners = defineSubgraph({
  name: "welfare-partners",
  agency: "welfare partners (복지기관)",
  defaultPort: 4004,
  database: "welfare_partners",
  envPrefix: "WELFARE_PARTNERS",
  // loaded on first use, so that what only reads the fields above (the gateway) never loads type-graphql or TypeORM
  schema: async () => (await import("./schema")).buildSchema(),
  entities: async () => (await import("./entities")).entities,
  migrations: async () => (await import("./migrations")).migrations,
  loaders: async () => (await import("./context")).createLoaders,
  eventEffects: async () => (await import("@lib/events/access-copy")).NOTICE_EFFECTS,
});
