/**
 * The four agencies of the program, one subgraph each. Order matters: default ports are 4001..4004 in this order,
 * and the gateway lists them this way.
 */
export const SUBGRAPH_NAMES = ["job-centers", "local-job-centers", "saeil-centers", "welfare-partners"] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface SubgraphInfo {
  name: SubgraphName;
  /** The agency in the program's own words, used in error messages people read. */
  agency: string;
  defaultPort: number;
  /** Database name suffix; the full name is `${prefix}_${database}`. */
  database: string;
  /** Prefix of this subgraph's environment variables when several services share one environment. */
  envPrefix: string;
}

export const SUBGRAPHS: Record<SubgraphName, SubgraphInfo> = {
  "job-centers": { name: "job-centers", agency: "employment centers (고용센터)", defaultPort: 4001, database: "job_centers", envPrefix: "JOB_CENTERS" },
  "local-job-centers": { name: "local-job-centers", agency: "local government job centers (지자체 일자리센터)", defaultPort: 4002, database: "local_job_centers", envPrefix: "LOCAL_JOB_CENTERS" },
  "saeil-centers": { name: "saeil-centers", agency: "women's reemployment centers (새일센터)", defaultPort: 4003, database: "saeil_centers", envPrefix: "SAEIL_CENTERS" },
  "welfare-partners": { name: "welfare-partners", agency: "welfare partners (복지기관)", defaultPort: 4004, database: "welfare_partners", envPrefix: "WELFARE_PARTNERS" },
};

export const DEFAULT_DATABASE_PREFIX = "njsp";

export function databaseName(name: SubgraphName, prefix = DEFAULT_DATABASE_PREFIX): string {
  return `${prefix}_${SUBGRAPHS[name].database}`;
}
