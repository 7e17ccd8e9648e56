import { application, key, type WorkflowSystem } from "./workflow-system";

/** The dates a case takes on its way to job seeking, from its application day (the defaults are 2023's). */
export interface CaseDates {
  appliedOn: string;
  decidedOn: string;
  sessionOn: string;
  planOn: string;
}

export const DATES_2023: CaseDates = { appliedOn: "2023-11-01", decidedOn: "2023-11-20", sessionOn: "2023-11-24", planOn: "2023-12-01" };

/** Takes a new case through the gateway to `stage` (ELIGIBLE, PLANNING or JOB_SEEKING); returns its id and version. */
export async function caseAt(
  ws: WorkflowSystem,
  stage: "APPLIED" | "ELIGIBLE" | "PLANNING" | "JOB_SEEKING",
  overrides: Record<string, unknown> = {},
  dates: CaseDates = DATES_2023,
): Promise<{ id: string; version: number }> {
  const applied = await ws.mutate("applyForProgram", application(ws, { appliedOn: dates.appliedOn, ...overrides }));
  if (applied.errors) throw new Error(JSON.stringify(applied.errors));
  const id = (applied.data!.applyForProgram as { id: string }).id;
  const steps: Array<[string, Record<string, unknown>]> = [
    ["decideEligibility", { expectedVersion: 1, eligible: true, decidedOn: dates.decidedOn }],
    ["recordCounselingSession", { heldOn: dates.sessionOn, mode: "IN_PERSON", topic: "초기상담" }],
    ["establishActionPlan", { expectedVersion: 3, establishedOn: dates.planOn, desiredOccupation: "사무원" }],
  ];
  const count = { APPLIED: 0, ELIGIBLE: 1, PLANNING: 2, JOB_SEEKING: 3 }[stage];
  for (const [mutation, input] of steps.slice(0, count)) {
    const response = await ws.mutate(mutation, { idempotencyKey: key(), participantId: id, ...input });
    if (response.errors) throw new Error(`${mutation}: ${JSON.stringify(response.errors)}`);
  }
  return { id, version: count + 1 };
}

/** A participant's stage and version as the database holds them. */
export async function stageOf(ws: WorkflowSystem, id: string): Promise<{ stage: string; version: number }> {
  const [row] = await ws.system.sql<{ stage: string; version: number }>(
    "job-centers",
    "SELECT stage, version FROM participant WHERE id = $1",
    [id],
  );
  return row;
}

/** The workflow center's figures for a year, as center_year_figures holds them. */
export type Figures = Record<"applicants" | "started" | "employed" | "placed" | "companies" | "paid", number>;

export async function centerFigures(ws: WorkflowSystem, year: number): Promise<Figures> {
  const [row] = await ws.system.sql<Figures>(
    "job-centers",
    "SELECT applicants, started, employed, placed, companies, paid::float8 AS paid FROM center_year_figures WHERE center_id = $1 AND year = $2",
    [ws.center.id, year],
  );
  return row ?? { applicants: 0, started: 0, employed: 0, placed: 0, companies: 0, paid: 0 };
}
