import { readFileSync } from "node:fs";
import path from "node:path";
import { Kind, parse } from "graphql";
import { PROJECT_ROOT } from "@lib/config/paths";
import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { readLauncherEnv } from "../scripts/env";
import { eventually } from "./events/event-fixtures";
import { startScratchSystem, type ScratchSystem } from "./support/scratch-system";
import { CONTRACT, type GraphQLResponse } from "./support/system";
import { tokenFor } from "./support/test-auth";
import { parseWalkthrough, placeholdersIn, type WalkthroughStep } from "./support/walkthrough";

/**
 * The README's "A day in the life", run as a person would run it in GraphiQL: each step's operation and variables as
 * the README writes them, with the token its `npm run token` line names, the ids earlier answers gave put in for the
 * `<…>` placeholders, through the gateway of the whole platform with events between the agencies (as `npm start`
 * runs it). Every answer the README shows must be the answer given; and the story must stay the one told: the stage
 * after each step, the allowance, the referral, the enrolment, the figures and the other agencies' notices.
 */
const README = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
const steps = parseWalkthrough(README, "A day in the life");

/** The operation, whose token, and the case's stage and version after each step, as the README's story goes. */
const STORY: Array<[operation: string, role: string, stage: string, version: number]> = [
  ["ApplyForProgram", "COUNSELOR", "APPLIED", 1],
  ["DecideEligibility", "COUNSELOR", "ELIGIBLE", 2],
  ["RecordCounselingSession", "COUNSELOR", "PLANNING", 3],
  ["EstablishActionPlan", "COUNSELOR", "JOB_SEEKING", 4],
  ["PayAllowance", "COUNSELOR", "JOB_SEEKING", 4],
  ["CreateReferral", "COUNSELOR", "JOB_SEEKING", 4],
  ["AcceptReferral", "WELFARE_STAFF", "JOB_SEEKING", 4],
  ["ResolveReferral", "WELFARE_STAFF", "JOB_SEEKING", 4],
  ["CreateCourse", "SAEIL_STAFF", "JOB_SEEKING", 4],
  ["EnrollInCourse", "SAEIL_STAFF", "JOB_SEEKING", 4],
  ["CompleteEnrollment", "SAEIL_STAFF", "JOB_SEEKING", 4],
  ["RecordEmployment", "COUNSELOR", "EMPLOYED", 5],
  ["RecordCounselingSession", "COUNSELOR", "EMPLOYED", 5],
  ["CloseParticipation", "COUNSELOR", "CLOSED", 6],
  ["Participant360", "COUNSELOR", "CLOSED", 6],
];

/** The offices the README names, and the year its steps happen in. */
const CENTER = 21;
const PARTNER = 45;
const SAEIL = 15;
const YEAR = 2026;

let system: ScratchSystem;

/** The figures the reports read, of the README's offices for its year. */
async function figures() {
  const row = async (name: SubgraphName, sql: string, id: number) => (await system.sql(name, sql, [id, YEAR]))[0] ?? {};
  return {
    center: await row(
      "job-centers",
      "SELECT applicants, started, employed, paid::float8 AS paid FROM center_year_figures WHERE center_id = $1 AND year = $2",
      CENTER,
    ),
    partner: await row(
      "welfare-partners",
      "SELECT referred, resolved FROM partner_year_figures WHERE partner_id = $1 AND year = $2",
      PARTNER,
    ),
    saeil: await row(
      "saeil-centers",
      "SELECT enrolled, completed FROM saeil_center_year_figures WHERE center_id = $1 AND year = $2",
      SAEIL,
    ),
  };
}
const count = (n: unknown) => Number(n ?? 0);

/** What welfare-partners and saeil-centers were told of the case's end, once their copy shows `done`. */
const notices = (participantId: string, done: (row: Record<string, unknown> | undefined) => boolean) =>
  Promise.all(
    (["welfare-partners", "saeil-centers"] as const).map((name) =>
      eventually(
        async () =>
          (
            await system.sql(
              name,
              "SELECT employed_on::text, closed_on::text, close_reason FROM participant_notice WHERE participant_id = $1",
              [participantId],
            )
          )[0],
        done,
      ),
    ),
  );

it("tells the story the test knows, with the contract's own operations and the tokens npm run token makes", () => {
  expect(steps.map((step) => [step.operationName, step.token.role])).toEqual(STORY.map(([operation, role]) => [operation, role]));
  const contract = new Map(
    parse(CONTRACT).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? [[d.name!.value, CONTRACT.slice(d.loc!.start, d.loc!.end)] as const] : [],
    ),
  );
  // verbatim, so that the safelist (SAFELIST=true) admits each as a person pastes it
  for (const step of steps) expect([step.title, step.operation]).toEqual([step.title, contract.get(step.operationName)]);
  expect(new Set(steps.map((s) => `${s.token.role} ${s.token.org} ${s.token.sub}`))).toEqual(
    new Set([`COUNSELOR ${CENTER} 315`, `WELFARE_STAFF ${PARTNER} credit-45`, `SAEIL_STAFF ${SAEIL} saeil-15`]),
  );
});

describe("on npm start's demo data, with events between the agencies", () => {
  beforeAll(async () => {
    // npm start's demo data: its seed (the offices' ids depend on it, not on the number of participants)
    system = await startScratchSystem("day_in_the_life", { seed: readLauncherEnv({}).seed });
    // a fresh `npm start` has written nothing yet: no retry key of an earlier run answers for these steps
    for (const name of SUBGRAPH_NAMES) await system.sql(name, "DELETE FROM idempotency_key");
  }, 120_000);
  afterAll(() => system?.stop());

  it("runs every step as the README writes it, and every answer is the one it shows", async () => {
    const before = await figures();
    const ids = new Map<string, string>();
    const send = async (step: WalkthroughStep): Promise<GraphQLResponse> => {
      const token = await tokenFor(step.token.role, step.token.org, step.token.sub);
      const unknown = placeholdersIn(step.variables).filter((name) => !ids.has(name));
      expect([step.title, unknown]).toEqual([step.title, []]);
      return system.query(step.operation, fill(step.variables, ids) as Record<string, unknown>, undefined, token);
    };
    for (const [i, step] of steps.entries()) {
      // a person pastes the next step long after the agencies' events of this one have arrived
      await system.settle();
      const answer = await send(step);
      for (const [name, value] of bind(step.answer, answer)) ids.set(name, value);
      expect([step.title, answer]).toEqual([step.title, fill(step.answer, ids)]);
      const [{ stage, version }] = await system.sql("job-centers", "SELECT stage, version FROM participant WHERE id = $1", [
        ids.get("<participant id>"),
      ]);
      expect([step.title, stage, version]).toEqual([step.title, STORY[i][2], STORY[i][3]]);
      if (step.operationName === "PayAllowance") {
        // "programReport(year: 2026) shows it at once", and withholds her counts of one person
        const report = await system.query(
          CONTRACT,
          { year: YEAR },
          "ProgramReport",
          await tokenFor(step.token.role, step.token.org, step.token.sub),
        );
        const regions = (report.data as { programReport: { regions: Array<Record<string, any>> } }).programReport.regions;
        const incheon = regions.findIndex((row) => row.region.code === "28");
        expect([regions[incheon].allowancePaidWon, regions[incheon].applicants, regions[incheon].participantsStarted]).toEqual([
          700_000,
          null,
          null,
        ]);
        const withheld = (report.errors ?? []).filter((e) => e.path?.[2] === incheon).map((e) => [e.path![3], e.extensions?.code]);
        expect(withheld).toEqual([
          ["applicants", "SUPPRESSED"],
          ["participantsStarted", "SUPPRESSED"],
        ]);
      }
      if (step.operationName === "RecordEmployment") {
        // the job reaches the agencies that keep her records before the case closes
        const told = await notices(ids.get("<participant id>")!, (row) => row?.employed_on === "2026-07-20");
        expect(told).toEqual([0, 1].map(() => ({ employed_on: "2026-07-20", closed_on: null, close_reason: null })));
      }
    }
    const participantId = ids.get("<participant id>")!;
    const closed = await notices(participantId, (row) => row?.closed_on === "2026-09-21");
    expect(closed).toEqual([0, 1].map(() => ({ employed_on: "2026-07-20", closed_on: "2026-09-21", close_reason: "EMPLOYED_ENDED" })));

    expect(
      await system.sql("job-centers", "SELECT month, amount_won, paid_on::text FROM allowance_payment WHERE participant_id = $1", [
        participantId,
      ]),
    ).toEqual([{ month: "2026-04", amount_won: 700_000, paid_on: "2026-04-24" }]);
    expect(
      await system.sql("welfare-partners", "SELECT partner_id, status, reason_category FROM welfare_referral WHERE participant_id = $1", [
        participantId,
      ]),
    ).toEqual([{ partner_id: PARTNER, status: "RESOLVED", reason_category: "DEBT" }]);
    expect(
      await system.sql("saeil-centers", "SELECT status, completed_on::text FROM saeil_enrollment WHERE participant_id = $1", [
        participantId,
      ]),
    ).toEqual([{ status: "COMPLETED", completed_on: "2026-07-03" }]);
    const after = await figures();
    expect({
      center: Object.fromEntries(Object.keys(after.center).map((k) => [k, count(after.center[k]) - count(before.center[k])])),
      partner: Object.fromEntries(Object.keys(after.partner).map((k) => [k, count(after.partner[k]) - count(before.partner[k])])),
      saeil: Object.fromEntries(Object.keys(after.saeil).map((k) => [k, count(after.saeil[k]) - count(before.saeil[k])])),
    }).toEqual({
      center: { applicants: 1, started: 1, employed: 1, paid: 700_000 },
      partner: { referred: 1, resolved: 1 },
      saeil: { enrolled: 1, completed: 1 },
    });

    // "a step pasted twice writes nothing the second time": the allowance of step 5 again, with its key
    const payment = steps.find((step) => step.operationName === "PayAllowance")!;
    expect(await send(payment)).toEqual(fill(payment.answer, ids));
    expect(
      await system.sql("job-centers", "SELECT count(*)::int AS n FROM allowance_payment WHERE participant_id = $1", [participantId]),
    ).toEqual([{ n: 1 }]);
  });
});

/** The README's `<…>` placeholders replaced by the ids bound so far (unbound ones stay, and fail the comparison). */
function fill(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => fill(v, ids));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, ids)]));
  return value;
}

/** The ids an answer gives for the placeholders its README answer shows at the same places. */
function bind(shown: unknown, given: unknown): Array<[string, string]> {
  if (typeof shown === "string" && placeholdersIn(shown).length === 1 && typeof given === "string") return [[shown, given]];
  if (Array.isArray(shown) && Array.isArray(given)) return shown.flatMap((v, i) => bind(v, given[i]));
  if (shown !== null && typeof shown === "object" && given !== null && typeof given === "object") {
    return Object.entries(shown).flatMap(([k, v]) => bind(v, (given as Record<string, unknown>)[k]));
  }
  return [];
}
