import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { addDays, addMonths, checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import { addToCenterYear } from "../center-annual-stats/center-year-figures.write";
import type { JobCentersContext } from "../context";
import { addToBreakdown } from "../program-breakdown/breakdown-figures.write";
import { DecideEligibilityInput } from "./decide-eligibility.input";
import { ParticipantStage } from "./participant.enums";
import { Participant } from "./participant.entity";
import { checkTrackAge } from "./participant.rules";
import { requireStage } from "./participant.stages";
import { lockParticipant, updateParticipant } from "./participant.write";

/** Act §10: decided within 1 month of the application, extendable once by 7 days; later needs a recorded reason. */
export const DECISION_EXTENSION_DAYS = 7;

@Resolver()
export class DecideEligibilityResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Decides an application (Act §10): ELIGIBLE with a track, or CLOSED with the reason. Due within 1 month of the application, extendable once by 7 days; a later decision needs `lateReason`.",
  })
  async decideEligibility(
    @Arg("input", () => DecideEligibilityInput) input: DecideEligibilityInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "decideEligibility", idempotencyKey, input: rest }, async (tx) => {
      const id = await decide(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function decide(tx: EntityManager, viewer: Viewer, input: DecideEligibilityInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  requireStage("decideEligibility", participant.stage, [ParticipantStage.APPLIED]);
  const decidedOn = input.decidedOn ?? todayInKorea();
  checkDay("decidedOn", decidedOn, participant.appliedOn, "the application");
  const due = addDays(addMonths(participant.appliedOn, 1), DECISION_EXTENSION_DAYS);
  const lateReason = input.lateReason?.trim() || null;
  if (decidedOn > due && lateReason === null) {
    throw badUserInput(`The decision was due by ${due} (1 month from the application, extended by 7 days); give lateReason.`, "lateReason");
  }
  if (!input.eligible) {
    const reason = input.rejectionReason?.trim();
    if (!reason) throw badUserInput("A rejection needs its reason (rejectionReason).", "rejectionReason");
    await updateParticipant(tx, participant, {
      stage: ParticipantStage.CLOSED,
      rejection_reason: reason,
      late_decision_reason: lateReason,
    });
    return participant.id;
  }
  const track = input.track ?? participant.track;
  checkTrackAge("track", track, participant.birthYear, participant.appliedOn);
  // the breakdown counts a participant under their decided track: the application moves with it
  const trackChanged = track !== participant.track;
  if (trackChanged) await addToBreakdown(tx, participant.id, participant.appliedOn, { applicants: -1 });
  await updateParticipant(tx, participant, {
    stage: ParticipantStage.ELIGIBLE,
    track,
    eligibility_decided_on: decidedOn,
    late_decision_reason: lateReason,
  });
  await addToCenterYear(tx, { centerId: participant.employmentCenterId, regionCode: participant.regionCode }, decidedOn, { started: 1 });
  if (trackChanged) await addToBreakdown(tx, participant.id, participant.appliedOn, { applicants: 1 });
  await addToBreakdown(tx, participant.id, decidedOn, { started: 1 });
  return participant.id;
}
