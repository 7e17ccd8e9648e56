import type { SubgraphDeclaration } from "@lib/subgraph/declaration";
import { jobCenters } from "./job-centers/src/subgraph";
import { localJobCenters } from "./local-job-centers/src/subgraph";
import { saeilCenters } from "./saeil-centers/src/subgraph";
import { welfarePartners } from "./welfare-partners/src/subgraph";

/** The four agencies of the program, one subgraph each, in the order of their default ports and of every listing. */
export const SUBGRAPH_LIST = [jobCenters, localJobCenters, saeilCenters, welfarePartners] as const;

export type SubgraphName = (typeof SUBGRAPH_LIST)[number]["name"];

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPH_LIST.map((subgraph) => subgraph.name);

/** Each subgraph's declaration by name. */
export const SUBGRAPHS = Object.fromEntries(SUBGRAPH_LIST.map((subgraph) => [subgraph.name, subgraph])) as Record<
  SubgraphName,
  SubgraphDeclaration<SubgraphName>
>;

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}
