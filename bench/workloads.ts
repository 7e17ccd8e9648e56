import { readFileSync } from "node:fs";
import path from "node:path";
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from "graphql";
import { withFragments } from "../gateway/src/use-persisted-queries";
import { PROJECT_ROOT } from "@lib/config/paths";
import type { Fixtures } from "./fixtures";
import { SeededSequence, seedFrom } from "./prng";

/** The client contract, read at run time; its reads are sent with an `operationName`, as clients send them. */
export const CONTRACT_PATH = path.join(PROJECT_ROOT, "test", "contract", "operations.graphql");

/** A workload: one operation of the contract, with variables drawn per request from the fixtures. */
export interface Workload {
  name: WorkloadName;
  /** The variables of one request; `sequence` makes the choice deterministic. */
  variables(sequence: SeededSequence, fixtures: Fixtures): Record<string, unknown>;
}

export const WORKLOAD_NAMES = ["Participant360", "Caseload", "ProgramReport", "RegionDirectory", "ProgramBreakdown"] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** The caseload's stage filter: none (the whole caseload, newest first) or one of the stages of a case. */
const CASELOAD_STAGES = [null, "APPLIED", "PLANNING", "JOB_SEEKING", "EMPLOYED", "FOLLOW_UP", "CLOSED"] as const;

export const WORKLOADS: Record<WorkloadName, Workload> = {
  /** A counsellor opens one participant: every agency contributes fields. */
  Participant360: { name: "Participant360", variables: (s, f) => ({ id: s.pick(f.participantIds) }) },
  /**
   * A counsellor's caseload: a page of 50 of their own center (the one a counsellor's token may read; another
   * center's page would be empty), all stages or one, with the other agencies' flags.
   */
  Caseload: {
    name: "Caseload",
    variables: (s, f) => {
      const stage = s.pick(CASELOAD_STAGES);
      return {
        first: 50,
        filter: {
          employmentCenterId: s.pick(f.caseloadCenterIds),
          ...(f.counselorIds?.length ? { counselorId: s.pick(f.counselorIds) } : {}),
          ...(stage ? { stage } : {}),
        },
      };
    },
  },
  /** The national report for one year, 17 regions × four agencies' figures. */
  ProgramReport: { name: "ProgramReport", variables: (s, f) => ({ year: s.pick(f.reportYears) }) },
  /** Every agency's offices in one region. */
  RegionDirectory: { name: "RegionDirectory", variables: (s, f) => ({ code: s.pick(f.regionCodes) }) },
  /** An analyst's breakdown of one year by one or two dimensions (the benchmark's counsellor reads the national one). */
  ProgramBreakdown: { name: "ProgramBreakdown", variables: (s, f) => ({ year: s.pick(f.reportYears), by: s.pick(BREAKDOWN_CHOICES) }) },
};

/** The breakdowns analysts ask: from 4 cells (quarters) to 133 offices × 5 tracks. */
export const BREAKDOWN_CHOICES: ReadonlyArray<readonly string[]> = [
  ["QUARTER"],
  ["REGION"],
  ["EMPLOYMENT_CENTER"],
  ["TRACK", "AGE_BAND"],
  ["REGION", "GENDER"],
  ["MONTH", "TRACK"],
  ["EMPLOYMENT_CENTER", "TRACK"],
];

/** Parses a comma-separated list of workload names, rejecting unknown ones. */
export function parseWorkloadNames(names: readonly string[]): WorkloadName[] {
  const unknown = names.filter((name) => !(WORKLOAD_NAMES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown workload(s) ${unknown.join(", ")}; known: ${WORKLOAD_NAMES.join(", ")}`);
  return names as WorkloadName[];
}

/**
 * A generator of request bodies for one workload: each call returns the next body of a deterministic sequence
 * seeded by the workload's name and `round`, so a round sends the same requests on every run.
 */
export function requestBodies(workload: Workload, fixtures: Fixtures, contract: string, round: string): () => string {
  const nextVariables = requestVariables(workload, fixtures, round);
  // the operation text is the same for every request: serialize it once. Only this operation (and the fragments it
  // uses), as the contract writes it: every gateway measured then parses the same text, and a version that predates
  // another operation of the contract (--baseline) can still validate it
  const prefix = `{"operationName":${JSON.stringify(workload.name)},"query":${JSON.stringify(operationOf(contract, workload.name))},"variables":`;
  return () => `${prefix}${JSON.stringify(nextVariables())}}`;
}

/** The variables behind {@link requestBodies}: the same sequence for the same workload and `round`. */
export function requestVariables(workload: Workload, fixtures: Fixtures, round: string): () => Record<string, unknown> {
  const sequence = new SeededSequence(seedFrom(`${workload.name}/${round}`));
  return () => workload.variables(sequence, fixtures);
}

/**
 * The operation `name` of `contract` with the fragments it uses (transitively), each as the file writes it: the text
 * the safelist registers for that operation (`withFragments`, gateway/src/use-persisted-queries.ts).
 */
export function operationOf(contract: string, name: string): string {
  const document = parse(contract);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!operation) throw new Error(`the contract has no operation ${name}`);
  return withFragments(operation, document)
    .map((d) => contract.slice(d.loc!.start, d.loc!.end))
    .join("\n\n");
}

/**
 * The contract's reads: the file without its mutations, each query (and fragment) as the file writes it. The
 * benchmark measures reads, and a workload must never name a write: a mutation is not even in the text it sends.
 */
export function readContract(): string {
  return readsOf(readFileSync(CONTRACT_PATH, "utf8"));
}

export function readsOf(contract: string): string {
  return parse(contract)
    .definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === OperationTypeNode.QUERY)
    .map((d) => contract.slice(d.loc!.start, d.loc!.end))
    .join("\n\n");
}
