import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId, parseUuid } from "@lib/graphql/ids";
import { forbidden } from "@lib/graphql/records-guard";
import { checkDay, PROGRAM_START_DAY, todayInKorea } from "@lib/mutation/dates";
import { askOwner } from "@lib/mutation/ask-owner";
import { runMutation } from "@lib/mutation/run-mutation";
import { checkIdempotencyKey } from "@lib/mutation/idempotency";
import { emit } from "@lib/events/outbox";
import type { WelfarePartnersContext } from "../context";
import { AcceptReferralInput, CreateReferralInput, DeclineReferralInput, ResolveReferralInput } from "./referral.inputs";
import { addToPartnerYear, lockReferral, requireStatus, updateReferral } from "./referral.write";
import { WelfareReferral } from "./welfare-referral.entity";
import { ReferralStatus } from "./welfare-referral.enums";

/**
 * What the referring counsellor's own token may read at job-centers: the participant, when their center runs the
 * case (job-centers answers null otherwise, as to any read), and which center that is.
 */
const PARTICIPANT_CENTER = `query ReferralParticipant($id: ID!) { participant(id: $id) { id employmentCenter { id } } }`;

@Resolver()
export class ReferralMutationsResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => WelfareReferral, {
    description:
      "Refers a participant to a welfare partner (복지연계): by a counsellor or manager of the employment center running the case, with the reason's category (PIPA §23). REFERRED at version 1.",
  })
  async createReferral(
    @Arg("input", () => CreateReferralInput) input: CreateReferralInput,
    @Ctx() ctx: WelfarePartnersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WelfareReferral> {
    const { idempotencyKey, ...rest } = input;
    checkIdempotencyKey(idempotencyKey);
    const { viewer } = ctx;
    const center = viewer.kind === "user" && viewer.org?.kind === "EMPLOYMENT_CENTER" ? viewer.org.id : null;
    if (center === null)
      throw forbidden("Mutation.createReferral", "a referral is made by a counsellor of the participant's employment center");
    const participantId = parseUuid(input.participantId);
    const partnerId = parseIntId(input.partnerId);
    const referredOn = input.referredOn ?? todayInKorea();
    checkDay("referredOn", referredOn, PROGRAM_START_DAY, "the program's start");
    if (partnerId === null) throw badUserInput(`No welfare partner with id "${input.partnerId}".`, "partnerId");
    // asked before the transaction (no connection held across the call): the owner answers with the caller's rights
    const owner =
      participantId === null
        ? null
        : await askOwner<{ participant: { id: string; employmentCenter: { id: string } } | null }>(ctx.jobCenters, PARTICIPANT_CENTER, {
            id: participantId,
          });
    if (!owner?.participant || owner.participant.employmentCenter.id !== String(center)) {
      throw badUserInput(`No participant with id "${input.participantId}" is served by your employment center.`, "participantId");
    }
    const { referralId } = await runMutation(ctx, info, { mutation: "createReferral", idempotencyKey, input: rest }, async (tx) => {
      const id = await create(tx, { participantId: participantId!, partnerId, centerId: center, referredOn, reason: input.reasonCategory });
      return { result: { referralId: id }, participantIds: [participantId!] };
    });
    return ctx.db.getRepository(WelfareReferral).findOneByOrFail({ id: referralId });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => WelfareReferral, { description: "The partner a referral was sent to takes it on: REFERRED → IN_PROGRESS." })
  async acceptReferral(
    @Arg("input", () => AcceptReferralInput) input: AcceptReferralInput,
    @Ctx() ctx: WelfarePartnersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WelfareReferral> {
    return this.answer(ctx, info, "acceptReferral", input, async (tx) => {
      const referral = await lockReferral(tx, ctx.viewer, "acceptReferral", input.referralId, input.expectedVersion);
      requireStatus("acceptReferral", referral.status, [ReferralStatus.REFERRED]);
      const acceptedOn = input.acceptedOn ?? todayInKorea();
      checkDay("acceptedOn", acceptedOn, referral.referredOn, "the referral");
      await updateReferral(tx, referral, { status: ReferralStatus.IN_PROGRESS, accepted_on: acceptedOn });
      return referral;
    });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => WelfareReferral, { description: "The partner a referral was sent to declines it, with the reason: REFERRED → DECLINED." })
  async declineReferral(
    @Arg("input", () => DeclineReferralInput) input: DeclineReferralInput,
    @Ctx() ctx: WelfarePartnersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WelfareReferral> {
    return this.answer(ctx, info, "declineReferral", input, async (tx) => {
      const referral = await lockReferral(tx, ctx.viewer, "declineReferral", input.referralId, input.expectedVersion);
      requireStatus("declineReferral", referral.status, [ReferralStatus.REFERRED]);
      const declinedOn = input.declinedOn ?? todayInKorea();
      checkDay("declinedOn", declinedOn, referral.referredOn, "the referral");
      await updateReferral(tx, referral, { status: ReferralStatus.DECLINED, declined_on: declinedOn, decline_reason: input.reason });
      return referral;
    });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => WelfareReferral, {
    description:
      "The partner closes a referral it took on, with what came of it: IN_PROGRESS → RESOLVED; counted in the region's figures at once.",
  })
  async resolveReferral(
    @Arg("input", () => ResolveReferralInput) input: ResolveReferralInput,
    @Ctx() ctx: WelfarePartnersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WelfareReferral> {
    return this.answer(ctx, info, "resolveReferral", input, async (tx) => {
      const referral = await lockReferral(tx, ctx.viewer, "resolveReferral", input.referralId, input.expectedVersion);
      requireStatus("resolveReferral", referral.status, [ReferralStatus.IN_PROGRESS]);
      const resolvedOn = input.resolvedOn ?? todayInKorea();
      checkDay(
        "resolvedOn",
        resolvedOn,
        referral.acceptedOn ?? referral.referredOn,
        referral.acceptedOn ? "its acceptance" : "the referral",
      );
      await updateReferral(tx, referral, { status: ReferralStatus.RESOLVED, resolved_on: resolvedOn, outcome: input.outcome });
      await addToPartnerYear(tx, referral, resolvedOn, { resolved: 1 });
      return referral;
    });
  }

  /** A partner's answer to a referral: one transaction with its key and its access-log entry. */
  private async answer(
    ctx: WelfarePartnersContext,
    info: GraphQLResolveInfo,
    mutation: string,
    input: { idempotencyKey: string },
    write: (tx: EntityManager) => Promise<{ id: string; participantId: string }>,
  ): Promise<WelfareReferral> {
    const { idempotencyKey, ...rest } = input;
    const { referralId } = await runMutation(ctx, info, { mutation, idempotencyKey, input: rest }, async (tx) => {
      const referral = await write(tx);
      return { result: { referralId: referral.id }, participantIds: [referral.participantId] };
    });
    return ctx.db.getRepository(WelfareReferral).findOneByOrFail({ id: referralId });
  }
}

async function create(
  tx: EntityManager,
  referral: { participantId: string; partnerId: number; centerId: number; referredOn: string; reason: string },
): Promise<string> {
  const [partner] = await tx.query<Array<{ region_code: string }>>(`SELECT region_code FROM welfare_partner WHERE id = $1`, [
    referral.partnerId,
  ]);
  if (!partner) throw badUserInput(`No welfare partner with id "${referral.partnerId}".`, "partnerId");
  const [{ id }] = await tx.query<Array<{ id: string }>>(
    `INSERT INTO welfare_referral (partner_id, participant_id, status, referred_on, reason_category, referring_center_id)
     VALUES ($1, $2, 'REFERRED', $3, $4, $5) RETURNING id::text`,
    [referral.partnerId, referral.participantId, referral.referredOn, referral.reason, referral.centerId],
  );
  // the partner now serves the person; and job-centers just told us the center of record (what ParticipantApplied carries)
  await tx.query(
    `INSERT INTO participant_link (participant_id, office_kind, office_id) VALUES ($1, 'WELFARE_PARTNER', $2), ($1, 'EMPLOYMENT_CENTER', $3)
     ON CONFLICT DO NOTHING`,
    [referral.participantId, referral.partnerId, referral.centerId],
  );
  await addToPartnerYear(tx, { partnerId: referral.partnerId, regionCode: partner.region_code }, referral.referredOn, { referred: 1 });
  await emit(tx, {
    type: "ParticipantLinked",
    participantId: referral.participantId,
    payload: { officeKind: "WELFARE_PARTNER", officeId: referral.partnerId },
  });
  return id;
}
