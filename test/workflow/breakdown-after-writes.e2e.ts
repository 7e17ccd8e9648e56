import { todayInKorea } from "@lib/mutation/dates";
import { contract } from "../support/system";
import { FIGURES, figuresOf, keyOfAnswer, recount, type Dimension, type FigureValues } from "../support/breakdown-recount";
import { application, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * The breakdown stays true after writes: two cases written through the gateway (one from application to a job, its
 * track changed at the decision; one withdrawn), then the breakdown read again shows exactly their effect, and
 * equals the records recounted.
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_breakdown");
}, 120_000);
afterAll(() => ws?.system.stop());

type Cell = FigureValues & { key: Record<string, unknown>; suppressed: boolean };
interface Breakdown {
  total: FigureValues;
  cells: Cell[];
}

async function read(by: Dimension[], token: string): Promise<Breakdown> {
  const { data, errors } = await contract(ws.system, "ProgramBreakdown", { year: 2023, by }, token);
  expect(errors).toBeUndefined();
  return data!.programBreakdown as Breakdown;
}

async function write(mutation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await ws.mutate(mutation, { idempotencyKey: key(), ...input });
  if (response.errors) throw new Error(`${mutation}: ${JSON.stringify(response.errors)}`);
  return response.data![mutation] as Record<string, unknown>;
}

const COUNTED = ["applicants", "participantsStarted", "employed", "placementEmployments", "allowancePaidWon"] as const;

/** What changed in each cell's counts between two reads (cells without a change left out). */
function changes(by: Dimension[], before: Breakdown, after: Breakdown): Record<string, Record<string, number>> {
  const was = new Map(before.cells.map((c) => [keyOfAnswer(by, c.key), c]));
  const changed: Record<string, Record<string, number>> = {};
  for (const cell of after.cells) {
    const old = was.get(keyOfAnswer(by, cell.key));
    const delta = Object.fromEntries(COUNTED.map((f) => [f, (cell[f] ?? 0) - (old?.[f] ?? 0)]).filter(([, d]) => d !== 0));
    if (Object.keys(delta).length > 0) changed[keyOfAnswer(by, cell.key)] = delta;
  }
  return changed;
}

it("apply → eligibility (another track) → IAP → allowance → job → close, and a withdrawal: the cells change by exactly that", async () => {
  const by: Dimension[] = ["TRACK", "MONTH"];
  const before = await read(by, ws.tokens.manager);
  const bands = await read(["AGE_BAND"], ws.tokens.manager);
  const national = await read(["TRACK"], ws.tokens.analyst);

  // a youth (28 at application) applies for 선발형 and is decided 요건심사형; employed in March, 47 days after the plan
  const hired = (
    await write("applyForProgram", application(ws, { appliedOn: "2023-01-09", requestedTrack: "TYPE_I_SELECTION", birthYear: 1995 }))
  ).id as string;
  await write("decideEligibility", {
    participantId: hired,
    expectedVersion: 1,
    eligible: true,
    track: "TYPE_I_REQUIREMENT",
    decidedOn: "2023-01-20",
  });
  await write("recordCounselingSession", { participantId: hired, heldOn: "2023-01-25", mode: "IN_PERSON", topic: "초기상담" });
  await write("establishActionPlan", {
    participantId: hired,
    expectedVersion: 3,
    establishedOn: "2023-02-01",
    desiredOccupation: "사무원",
  });
  await write("payAllowance", { participantId: hired, month: "2023-02", dependants: 1, paidOn: "2023-03-10" });
  await write("recordEmployment", {
    participantId: hired,
    expectedVersion: 4,
    employedOn: "2023-03-20",
    employerName: "한빛물류",
    occupation: "물류 사무원",
    weeklyHours: 40,
    viaPlacement: false,
  });
  await write("closeParticipation", { participantId: hired, expectedVersion: 5, reason: "EMPLOYED_ENDED", closedOn: "2023-04-03" });
  // a middle-aged man (43) in 유형Ⅱ 중장년 withdraws in March: his participation ends without a job
  const withdrew = (
    await write(
      "applyForProgram",
      application(ws, { appliedOn: "2023-01-10", requestedTrack: "TYPE_II_MIDDLE_AGED", birthYear: 1980, gender: "MALE", name: "한겨울" }),
    )
  ).id as string;
  await write("decideEligibility", { participantId: withdrew, expectedVersion: 1, eligible: true, decidedOn: "2023-01-25" });
  await write("closeParticipation", { participantId: withdrew, expectedVersion: 2, reason: "WITHDREW", closedOn: "2023-03-15" });

  const after = await read(by, ws.tokens.manager);
  expect(changes(by, before, after)).toEqual({
    "TYPE_I_REQUIREMENT|1": { applicants: 1, participantsStarted: 1 },
    "TYPE_I_REQUIREMENT|3": { employed: 1, allowancePaidWon: 600_000 },
    "TYPE_II_MIDDLE_AGED|1": { applicants: 1, participantsStarted: 1 },
  });
  expect(changes(["AGE_BAND"], bands, await read(["AGE_BAND"], ws.tokens.manager))).toEqual({
    YOUTH: { applicants: 1, participantsStarted: 1, employed: 1, allowancePaidWon: 600_000 },
    MIDDLE_AGED: { applicants: 1, participantsStarted: 1 },
  });
  // rates, the median and retention (the March job's 6- and 12-month marks have passed) as the records give them
  const expected = await recount(ws.system, 2023, by, ws.center.id, todayInKorea());
  expect(after.total).toEqual(figuresOf(expected.total));
  for (const cell of after.cells) {
    expect([keyOfAnswer(by, cell.key), pick(cell)]).toEqual([
      keyOfAnswer(by, cell.key),
      figuresOf(expected.cells.get(keyOfAnswer(by, cell.key))!),
    ]);
  }
  // the analyst's national figures (and the gateway's cached answer) move too
  const nationalAfter = await read(["TRACK"], ws.tokens.analyst);
  expect(nationalAfter.total.applicants).toBe(national.total.applicants! + 2);
  expect(nationalAfter.total.employed).toBe(national.total.employed! + 1);
  // the national medians are stored per group and kept by the job's write: as recounted, and as a bulk recompute makes them
  const nationalExpected = await recount(ws.system, 2023, ["TRACK"], null, todayInKorea());
  expect(nationalAfter.total.medianDaysToEmployment).toBe(figuresOf(nationalExpected.total).medianDaysToEmployment);
  for (const cell of nationalAfter.cells.filter((c) => c.medianDaysToEmployment !== null)) {
    const full = figuresOf(nationalExpected.cells.get(keyOfAnswer(["TRACK"], cell.key))!);
    expect([cell.key, cell.medianDaysToEmployment]).toEqual([cell.key, full.medianDaysToEmployment]);
  }
  const stored = `SELECT year, dims, v0, v1, median::text FROM breakdown_medians ORDER BY 1, 2, 3, 4`;
  const kept = await ws.system.sql("job-centers", stored);
  await ws.system.sql("job-centers", "SELECT recompute_breakdown_figures()");
  expect(kept.length).toBeGreaterThan(1000);
  expect(kept).toEqual(await ws.system.sql("job-centers", stored));
});

function pick(cell: Cell): FigureValues {
  return Object.fromEntries(FIGURES.map((f) => [f, cell[f]])) as FigureValues;
}
