import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import type { Fixtures } from "./fixtures";
import { SeededSequence, seedFrom } from "./prng";

/** The client contract, read at run time and sent unchanged with an `operationName`, as clients send it. */
export const CONTRACT_PATH = path.join(PROJECT_ROOT, "test", "contract", "operations.graphql");

/** A workload: one operation of the contract, with variables drawn per request from the fixtures. */
export interface Workload {
  name: WorkloadName;
  /** The variables of one request; `sequence` makes the choice deterministic. */
  variables(sequence: SeededSequence, fixtures: Fixtures): Record<string, unknown>;
}

export const WORKLOAD_NAMES = ["Participant360", "Caseload", "ProgramReport", "RegionDirectory"] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

export const WORKLOADS: Record<WorkloadName, Workload> = {
  /** A counsellor opens one participant: every agency contributes fields. */
  Participant360: { name: "Participant360", variables: (s, f) => ({ id: s.pick(f.participantIds) }) },
  /** A center manager's caseload: a page of 50 with the other agencies' flags. */
  Caseload: {
    name: "Caseload",
    variables: (s, f) => ({
      first: 50,
      filter: {
        employmentCenterId: s.pick(f.employmentCenterIds),
        ...(f.counselorIds?.length ? { counselorId: s.pick(f.counselorIds) } : {}),
      },
    }),
  },
  /** The national report for one year, 17 regions × four agencies' figures. */
  ProgramReport: { name: "ProgramReport", variables: (s, f) => ({ year: s.pick(f.reportYears) }) },
  /** Every agency's offices in one region. */
  RegionDirectory: { name: "RegionDirectory", variables: (s, f) => ({ code: s.pick(f.regionCodes) }) },
};

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
  // the operation text is the same for every request: serialize it once
  const prefix = `{"operationName":${JSON.stringify(workload.name)},"query":${JSON.stringify(contract)},"variables":`;
  return () => `${prefix}${JSON.stringify(nextVariables())}}`;
}

/** The variables behind {@link requestBodies}: the same sequence for the same workload and `round`. */
export function requestVariables(workload: Workload, fixtures: Fixtures, round: string): () => Record<string, unknown> {
  const sequence = new SeededSequence(seedFrom(`${workload.name}/${round}`));
  return () => workload.variables(sequence, fixtures);
}

/** Reads the contract's operation text. */
export function readContract(): string {
  return readFileSync(CONTRACT_PATH, "utf8");
}
