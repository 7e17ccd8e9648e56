import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation, type FinishWrite, type WriteOutcome } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant } from "../participant/participant.write";
import { PROGRAM_START } from "../participant/participant.rules";
import { AllowancePayment } from "./allowance-payment.entity";
import { insertPayment, type PaidKey } from "./allowance-payment.write";
import { ALLOWANCE_TRACKS, MAX_PAYMENTS, allowanceDueWon } from "./allowance.rules";
import { PayAllowanceInput } from "./pay-allowance.input";

@Resolver()
export class PayAllowanceResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => AllowancePayment, {
    description:
      "Pays one month's job-seeking allowance (Act §19–20): Type Ⅰ, after the IAP (JOB_SEEKING), once per month, at most 6 payments; 500,000 won (600,000 from 2026-01) + 100,000 per dependant (at most 4), less reported earnings won for won.",
  })
  async payAllowance(
    @Arg("input", () => PayAllowanceInput) input: PayAllowanceInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AllowancePayment> {
    const { idempotencyKey, ...rest } = input;
    // the row as inserted, when this request wrote it: no second read after the commit (a month's batch is 10,000)
    let written: AllowancePayment | null = null;
    const paid = await runMutation(ctx, info, { mutation: "payAllowance", idempotencyKey, input: rest }, async (tx, finish) => {
      const { outcome, payment } = await pay(tx, finish, ctx.viewer, input);
      written = payment;
      return outcome;
    });
    if (written) return written;
    // a retry returns the first request's payment: of that participant and month (keys stored before 2026-12: by id)
    const payments = ctx.db.getRepository(AllowancePayment);
    return "paymentId" in paid ? payments.findOneByOrFail({ id: paid.paymentId }) : payments.findOneByOrFail(paid);
  }
}

async function pay(
  tx: EntityManager,
  finish: FinishWrite,
  viewer: Viewer,
  input: PayAllowanceInput,
): Promise<{ outcome: WriteOutcome<PaidKey>; payment: AllowancePayment }> {
  // the row lock serialises two payments of one participant: the second's history holds the first's month
  const participant = await lockParticipant(tx, viewer, input.participantId);
  if (!ALLOWANCE_TRACKS.includes(participant.track)) {
    throw badUserInput(`The allowance is paid to Type Ⅰ only (Act §19); the participant's track is ${participant.track}.`, "participantId");
  }
  // Act §19–20: paid once the IAP is set, while the participant seeks work (a job or a deferral ends the payments)
  requireStage("payAllowance", participant.stage, [S.JOB_SEEKING]);
  const { month, dependants } = input;
  const earnings = input.reportedEarningsWon ?? 0;
  if (!Number.isInteger(dependants) || dependants < 0 || dependants > 20) throw badUserInput("dependants must be 0–20.", "dependants");
  if (earnings < 0) throw badUserInput("reportedEarningsWon must be 0 or more.", "reportedEarningsWon");
  const paidOn = input.paidOn ?? todayInKorea();
  const amount = allowanceDueWon(month, dependants, earnings);
  // written before the rules below are checked, in one statement with the history they are checked against, the key's
  // result and the log's row (one round trip, not six): a rule that refuses throws, and the transaction undoes it all
  const { outcome, history, inserted } = await insertPayment(finish, participant, { month, amountWon: amount, paidOn });
  const plan = history.establishedOn === null ? null : { establishedOn: history.establishedOn };
  if (!plan) throw badUserInput("The allowance is paid only once the action plan is set (Act §19).", "participantId");
  const planMonth = plan.establishedOn.slice(0, 7);
  if (month < planMonth || month < PROGRAM_START.slice(0, 7)) {
    throw badUserInput(`month (${month}) is before the month the action plan was set (${planMonth}).`, "month");
  }
  if (month > paidOn.slice(0, 7)) throw badUserInput(`month (${month}) has not begun on the day of payment (${paidOn}).`, "paidOn");
  checkDay("paidOn", paidOn, plan.establishedOn, "the action plan");
  const { paid } = history;
  const same = paid.find((p) => p.month === month);
  if (same) throw badUserInput(`The allowance for ${month} was already paid on ${same.paidOn}; a month is paid once.`, "month");
  if (paid.length >= MAX_PAYMENTS) {
    throw badUserInput(`The allowance is paid at most ${MAX_PAYMENTS} times (Act §20); all ${MAX_PAYMENTS} are paid.`, "participantId");
  }
  if (amount === 0) {
    throw badUserInput(`Reported earnings of ${earnings} won leave no allowance to pay for ${month}.`, "reportedEarningsWon");
  }
  // the row lock makes a missing row unreachable once the month was found unpaid; the UNIQUE (participant_id, month) key is the last guard
  if (inserted === null) throw badUserInput(`The allowance for ${month} was already paid.`, "month");
  return { outcome, payment: inserted };
}
