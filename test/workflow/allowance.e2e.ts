import { contract } from "../support/system";
import { caseAt, centerFigures } from "./case-steps";
import { errorsOf, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * The job-seeking allowance (구직촉진수당, Act §19–20; docs/domain.md#allowance) through the gateway: the amount in
 * exact won, once per month even when two people pay at once, at most 6, Type Ⅰ only and after the IAP.
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_allowance");
}, 120_000);
afterAll(() => ws?.system.stop());

const pay = (participantId: string, input: Record<string, unknown>, token?: string) =>
  ws.mutate("payAllowance", { idempotencyKey: key(), participantId, dependants: 0, ...input }, token);
const payments = async (id: string) =>
  ws.system.sql("job-centers", "SELECT month, amount_won FROM allowance_payment WHERE participant_id = $1 ORDER BY month", [id]);

describe("payAllowance (Act §19–20)", () => {
  it("pays 500,000 won + 100,000 per dependant; Participant360 shows it and the year's paid figure counts it", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const before = await centerFigures(ws, 2024);
    const response = await pay(id, { month: "2023-12", dependants: 2, paidOn: "2024-01-10" });
    expect(response.errors).toBeUndefined();
    expect(response.data!.payAllowance).toEqual({ month: "2023-12", amountWon: 700_000, paidOn: "2024-01-10" });
    const view = await contract(ws.system, "Participant360", { id }, ws.tokens.counselor);
    expect(view.data!.participant.allowancePayments).toEqual([{ month: "2023-12", amountWon: 700_000, paidOn: "2024-01-10" }]);
    expect(await centerFigures(ws, 2024)).toEqual({ ...before, paid: before.paid + 700_000 });
  });

  it("counts at most 4 dependants, takes reported earnings off won for won (the project's assumption)", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const six = await pay(id, { month: "2023-12", dependants: 6, paidOn: "2024-01-10" });
    expect(six.data!.payAllowance.amountWon).toBe(900_000);
    const earned = await pay(id, { month: "2024-01", dependants: 1, reportedEarningsWon: 150_000, paidOn: "2024-02-10" });
    expect(earned.data!.payAllowance.amountWon).toBe(450_000);
    const before = await centerFigures(ws, 2024);
    const all = await pay(id, { month: "2024-02", dependants: 1, reportedEarningsWon: 600_000, paidOn: "2024-03-10" });
    expect(errorsOf(all)).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "reportedEarningsWon",
        message: "Reported earnings of 600000 won leave no allowance to pay for 2024-02.",
      },
    ]);
    expect(await payments(id)).toEqual([
      { month: "2023-12", amount_won: 900_000 },
      { month: "2024-01", amount_won: 450_000 },
    ]);
    expect(await centerFigures(ws, 2024)).toEqual(before);
  });

  it("pays 600,000 won base for months from 2026-01, 500,000 for 2025-12", async () => {
    const dates = { appliedOn: "2025-11-03", decidedOn: "2025-11-20", sessionOn: "2025-11-24", planOn: "2025-12-01" };
    const { id } = await caseAt(ws, "JOB_SEEKING", {}, dates);
    expect((await pay(id, { month: "2025-12", dependants: 1, paidOn: "2026-01-05" })).data!.payAllowance.amountWon).toBe(600_000);
    expect((await pay(id, { month: "2026-01", dependants: 1, paidOn: "2026-02-05" })).data!.payAllowance.amountWon).toBe(700_000);
  });

  it("a month is paid once: a second payment is refused and nothing changes", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    await pay(id, { month: "2023-12", paidOn: "2024-01-10" });
    const before = await centerFigures(ws, 2024);
    expect(errorsOf(await pay(id, { month: "2023-12", paidOn: "2024-01-11" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "month",
        message: "The allowance for 2023-12 was already paid on 2024-01-10; a month is paid once.",
      },
    ]);
    expect(await payments(id)).toEqual([{ month: "2023-12", amount_won: 500_000 }]);
    expect(await centerFigures(ws, 2024)).toEqual(before);
  });

  it("two people paying the same month at once make exactly one payment", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const before = await centerFigures(ws, 2024);
    const responses = await Promise.all([
      pay(id, { month: "2024-01", dependants: 1, paidOn: "2024-02-10" }, ws.tokens.counselor),
      pay(id, { month: "2024-01", dependants: 1, paidOn: "2024-02-10" }, ws.tokens.manager),
      pay(id, { month: "2024-01", dependants: 1, paidOn: "2024-02-10" }, ws.tokens.counselor),
    ]);
    const paid = responses.filter((r) => r.data?.payAllowance);
    const refused = responses.flatMap((r) => errorsOf(r));
    expect(paid.map((r) => r.data!.payAllowance)).toEqual([{ month: "2024-01", amountWon: 600_000, paidOn: "2024-02-10" }]);
    expect(refused.map((e) => [e.code, e.argumentName])).toEqual([
      ["BAD_USER_INPUT", "month"],
      ["BAD_USER_INPUT", "month"],
    ]);
    expect(await payments(id)).toEqual([{ month: "2024-01", amount_won: 600_000 }]);
    expect(await centerFigures(ws, 2024)).toEqual({ ...before, paid: before.paid + 600_000 });
  });

  it("a retry with the same key pays nothing twice and is logged once; the key with other input is refused", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const before = await centerFigures(ws, 2024);
    const input = { idempotencyKey: key(), participantId: id, month: "2023-12", dependants: 3, paidOn: "2024-01-10" };
    const first = await ws.mutate("payAllowance", input);
    const retry = await ws.mutate("payAllowance", input);
    expect([first.data!.payAllowance, retry.data!.payAllowance]).toEqual([
      { month: "2023-12", amountWon: 800_000, paidOn: "2024-01-10" },
      { month: "2023-12", amountWon: 800_000, paidOn: "2024-01-10" },
    ]);
    expect(errorsOf(await ws.mutate("payAllowance", { ...input, dependants: 4 })).map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    expect(await payments(id)).toEqual([{ month: "2023-12", amount_won: 800_000 }]);
    expect(await centerFigures(ws, 2024)).toEqual({ ...before, paid: before.paid + 800_000 });
    const logged = await ws.system.sql(
      "job-centers",
      "SELECT count(*)::int AS n FROM access_log WHERE action = 'WRITE' AND $1 = ANY(participant_ids)",
      [id],
    );
    expect(logged).toEqual([{ n: 4 + 1 }]);
  });

  it("a payment is 5 SQL statements, a retry 5: the month's batch is 10,000 of them", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const counter = ws.system.subgraphs["job-centers"].sqlCounter;
    const input = { idempotencyKey: key(), participantId: id, month: "2023-12", dependants: 0, paidOn: "2024-01-10" };
    const counted = async () => {
      const before = counter.total;
      const response = await ws.mutate("payAllowance", input);
      return { payment: response.data?.payAllowance, statements: counter.total - before };
    };
    // begin, the key, the participant's lock, the payment with its history, figures, the key's result and the log's row, commit
    const payment = { month: "2023-12", amountWon: 500_000, paidOn: "2024-01-10" };
    expect(await counted()).toEqual({ payment, statements: 5 });
    // begin, the key (taken), its stored result, commit; then the payment read by the participant and month stored
    expect(await counted()).toEqual({ payment, statements: 5 });
  });

  it("pays at most 6 months (Act §20)", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    for (const month of ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]) {
      expect((await pay(id, { month, paidOn: "2024-06-10" })).errors).toBeUndefined();
    }
    expect(errorsOf(await pay(id, { month: "2024-06", paidOn: "2024-07-10" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "participantId",
        message: "The allowance is paid at most 6 times (Act §20); all 6 are paid.",
      },
    ]);
    expect((await payments(id)).length).toBe(6);
  });

  it("Type Ⅰ only (Act §19), after the IAP and not for a month before it", async () => {
    const typeTwo = await caseAt(ws, "JOB_SEEKING", { requestedTrack: "TYPE_II_YOUTH" });
    expect(errorsOf(await pay(typeTwo.id, { month: "2023-12", paidOn: "2024-01-10" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "participantId",
        message: "The allowance is paid to Type Ⅰ only (Act §19); the participant's track is TYPE_II_YOUTH.",
      },
    ]);
    const planning = await caseAt(ws, "PLANNING");
    const early = await pay(planning.id, { month: "2023-12", paidOn: "2024-01-10" });
    expect(early.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage])).toEqual([["INVALID_TRANSITION", "PLANNING"]]);
    const { id } = await caseAt(ws, "JOB_SEEKING");
    expect(errorsOf(await pay(id, { month: "2023-11", paidOn: "2024-01-10" }))).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "month", message: "month (2023-11) is before the month the action plan was set (2023-12)." },
    ]);
    expect(errorsOf(await pay(id, { month: "2024-02", paidOn: "2024-01-10" }))).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "paidOn", message: "month (2024-02) has not begun on the day of payment (2024-01-10)." },
    ]);
    expect(errorsOf(await pay(id, { month: "2023-12", dependants: -1, paidOn: "2024-01-10" }))[0].argumentName).toBe("dependants");
    expect(errorsOf(await pay(id, { month: "2023-12", reportedEarningsWon: -5, paidOn: "2024-01-10" }))[0].argumentName).toBe(
      "reportedEarningsWon",
    );
    expect(errorsOf(await pay(id, { month: "2023-12" }, ws.tokens.colleague)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    expect(await payments(id)).toEqual([]);
    expect(await payments(typeTwo.id)).toEqual([]);
  });
});
