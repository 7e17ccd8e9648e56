import type { Fixtures } from "../fixtures";
import { SeededSequence, seedFrom } from "../prng";
import type { RunContext } from "../types";

/** A contract operation with its variables drawn per request (like workloads.ts, for operations outside the rounds). */
export interface ContractOperation {
  name: string;
  variables(sequence: SeededSequence, fixtures: Fixtures): Record<string, unknown>;
}

/**
 * What the contract's read operations need: CenterYear, EmploymentCenters and the caseload's own fields job-centers
 * alone; LocalCenterYear local-job-centers; RegionDirectory, Participant360, Caseload and ProgramReport all four.
 * CenterYear is the frozen phase's request that does not need the frozen subgraph (any but job-centers).
 */
export const UNAFFECTED: ContractOperation = {
  name: "CenterYear",
  variables: (s, f) => ({ id: s.pick(f.employmentCenterIds), year: s.pick(f.reportYears) }),
};

/** Every agency's offices in one region: partial (that agency's list null) while one agency is frozen. */
export const NEEDING: ContractOperation = { name: "RegionDirectory", variables: (s, f) => ({ code: s.pick(f.regionCodes) }) };

/** Request bodies of `operation`, the contract's text unchanged with its `operationName`, seeded by `label`. */
export function contractBodies(run: RunContext, operation: ContractOperation, label: string): () => string {
  const sequence = new SeededSequence(seedFrom(`${operation.name}/${label}`));
  const prefix = `{"operationName":${JSON.stringify(operation.name)},"query":${JSON.stringify(run.contract)},"variables":`;
  return () => `${prefix}${JSON.stringify(operation.variables(sequence, run.fixtures))}}`;
}
