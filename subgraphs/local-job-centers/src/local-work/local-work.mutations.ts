import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { emit } from "@lib/events/outbox";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { checkDay, PROGRAM_START_DAY, todayInKorea } from "@lib/mutation/dates";
import { checkIdempotencyKey } from "@lib/mutation/idempotency";
import { conflict, invalidTransition } from "@lib/mutation/mutation-errors";
import { knownParticipant, linkParticipant, ownOfficeOf } from "@lib/mutation/office-writes";
import { runMutation } from "@lib/mutation/run-mutation";
import type { LocalJobCentersContext } from "../context";
import { LinkAgreement } from "../link-agreement/link-agreement.entity";
import { LocalServiceUse } from "../local-service-use/local-service-use.entity";
import { Outreach } from "../outreach/outreach.entity";
import { LinkOutreachInput, RecordLocalServiceUseInput, RecordOutreachInput, SetAgreementQuotaInput } from "./local-work.inputs";

/** An agreement's quota: at most this many people a year (the largest agreement of the program links 320). */
export const MAX_QUOTA = 10_000;

@Resolver()
export class LocalWorkResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Outreach, {
    description: "Records a person your center found (발굴) before they applied; linked later with linkOutreach.",
  })
  async recordOutreach(
    @Arg("input", () => RecordOutreachInput) input: RecordOutreachInput,
    @Ctx() ctx: LocalJobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Outreach> {
    const center = ownOfficeOf(ctx.viewer, "LOCAL_JOB_CENTER", "recordOutreach", "a local job center's");
    const { idempotencyKey, ...rest } = input;
    const discoveredOn = input.discoveredOn ?? todayInKorea();
    checkDay("discoveredOn", discoveredOn, PROGRAM_START_DAY, "the program's start");
    const { outreachId } = await runMutation(ctx, info, { mutation: "recordOutreach", idempotencyKey, input: rest }, async (tx) => {
      const [{ id }] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO outreach (local_job_center_id, discovered_on, channel) VALUES ($1, $2, $3) RETURNING id::text`,
        [center, discoveredOn, input.channel],
      );
      await addToLocalYear(tx, center, discoveredOn, { discovered: 1 });
      // no participant yet: nobody's personal record is written, so there is no one for the access log to name
      return { result: { outreachId: id }, participantIds: [] };
    });
    return ctx.db.getRepository(Outreach).findOneByOrFail({ id: outreachId });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Outreach, {
    description:
      "Links your center's outreach to the participant the person became (asked of job-centers): your center now serves them, and the employment center learns the source.",
  })
  async linkOutreach(
    @Arg("input", () => LinkOutreachInput) input: LinkOutreachInput,
    @Ctx() ctx: LocalJobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Outreach> {
    const center = ownOfficeOf(ctx.viewer, "LOCAL_JOB_CENTER", "linkOutreach", "a local job center's");
    const { idempotencyKey, ...rest } = input;
    checkIdempotencyKey(idempotencyKey);
    const participantId = await knownParticipant(ctx.jobCenters, input.participantId);
    const { outreachId } = await runMutation(ctx, info, { mutation: "linkOutreach", idempotencyKey, input: rest }, async (tx) => {
      const id = parseIntId(input.outreachId);
      const [row] =
        id === null
          ? []
          : await tx.query<Array<{ id: string; center: number; participant: string | null; version: number; discoveredOn: string }>>(
              `SELECT id::text, local_job_center_id AS center, participant_id AS participant, version, discovered_on::text AS "discoveredOn"
               FROM outreach WHERE id = $1 FOR UPDATE`,
              [id],
            );
      if (!row || row.center !== center)
        throw badUserInput(`No outreach with id "${input.outreachId}" was recorded by your center.`, "outreachId");
      if (row.version !== input.expectedVersion) throw conflict("outreach", input.expectedVersion, row.version);
      if (row.participant !== null) {
        throw invalidTransition("linkOutreach", "LINKED", [], { record: "the outreach", closed: "the outreach" });
      }
      const linkedOn = input.linkedOn ?? todayInKorea();
      checkDay("linkedOn", linkedOn, row.discoveredOn, "the outreach");
      const [taken] = await tx.query<unknown[]>(`SELECT 1 FROM outreach WHERE participant_id = $1`, [participantId]);
      if (taken) throw badUserInput(`Participant "${participantId}" is already linked to an outreach.`, "participantId");
      await tx.query(`UPDATE outreach SET participant_id = $2, linked_on = $3, version = version + 1 WHERE id = $1`, [
        row.id,
        participantId,
        linkedOn,
      ]);
      await linkParticipant(tx, participantId, "LOCAL_JOB_CENTER", center);
      await addToLocalYear(tx, center, linkedOn, { linked: 1 });
      await emit(tx, {
        type: "OutreachLinked",
        participantId,
        payload: { localJobCenterId: center, outreachId: row.id, discoveredOn: row.discoveredOn },
      });
      return { result: { outreachId: row.id }, participantIds: [participantId] };
    });
    return ctx.db.getRepository(Outreach).findOneByOrFail({ id: outreachId });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => LinkAgreement, {
    description: "Sets your center's linkage agreement (연계 협약) for a year: a new one, or a revision with `expectedVersion`.",
  })
  async setAgreementQuota(
    @Arg("input", () => SetAgreementQuotaInput) input: SetAgreementQuotaInput,
    @Ctx() ctx: LocalJobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkAgreement> {
    const center = ownOfficeOf(ctx.viewer, "LOCAL_JOB_CENTER", "setAgreementQuota", "a local job center's");
    const { idempotencyKey, ...rest } = input;
    const thisYear = Number(todayInKorea().slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < 2021 || input.year > thisYear + 1) {
      throw badUserInput(`year must be from 2021 (the program's start) to ${thisYear + 1}.`, "year");
    }
    if (input.quota < 0 || input.quota > MAX_QUOTA) throw badUserInput(`quota must be 0–${MAX_QUOTA}.`, "quota");
    const signedOn = input.signedOn ?? todayInKorea();
    checkDay("signedOn", signedOn, PROGRAM_START_DAY, "the program's start");
    const { agreementId } = await runMutation(ctx, info, { mutation: "setAgreementQuota", idempotencyKey, input: rest }, async (tx) => {
      const [row] = await tx.query<Array<{ id: number; version: number }>>(
        `SELECT id, version FROM link_agreement WHERE local_job_center_id = $1 AND year = $2 FOR UPDATE`,
        [center, input.year],
      );
      if (row) {
        if (input.expectedVersion == null) {
          throw badUserInput(
            `Your center has an agreement for ${input.year} already (version ${row.version}): send expectedVersion to revise it.`,
            "expectedVersion",
          );
        }
        if (row.version !== input.expectedVersion) throw conflict("agreement", input.expectedVersion, row.version);
        await tx.query(`UPDATE link_agreement SET quota = $2, signed_on = $3, version = version + 1 WHERE id = $1`, [
          row.id,
          input.quota,
          signedOn,
        ]);
        return { result: { agreementId: row.id }, participantIds: [] };
      }
      if (input.expectedVersion != null) {
        throw badUserInput(`Your center has no agreement for ${input.year} to revise: omit expectedVersion.`, "expectedVersion");
      }
      const [created] = await tx.query<Array<{ id: number }>>(
        `INSERT INTO link_agreement (local_job_center_id, year, quota, signed_on) VALUES ($1, $2, $3, $4) RETURNING id`,
        [center, input.year, input.quota, signedOn],
      );
      return { result: { agreementId: created.id }, participantIds: [] };
    });
    return ctx.db.getRepository(LinkAgreement).findOneByOrFail({ id: agreementId });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => LocalServiceUse, {
    description: "Records a participant's use of your center's special service (asked of job-centers); your center now serves them.",
  })
  async recordLocalServiceUse(
    @Arg("input", () => RecordLocalServiceUseInput) input: RecordLocalServiceUseInput,
    @Ctx() ctx: LocalJobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LocalServiceUse> {
    const center = ownOfficeOf(ctx.viewer, "LOCAL_JOB_CENTER", "recordLocalServiceUse", "a local job center's");
    const { idempotencyKey, ...rest } = input;
    checkIdempotencyKey(idempotencyKey);
    const usedOn = input.usedOn ?? todayInKorea();
    checkDay("usedOn", usedOn, PROGRAM_START_DAY, "the program's start");
    const participantId = await knownParticipant(ctx.jobCenters, input.participantId);
    const { useId } = await runMutation(ctx, info, { mutation: "recordLocalServiceUse", idempotencyKey, input: rest }, async (tx) => {
      const [{ id }] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO local_service_use (local_job_center_id, participant_id, service, used_on) VALUES ($1, $2, $3, $4) RETURNING id::text`,
        [center, participantId, input.service, usedOn],
      );
      await linkParticipant(tx, participantId, "LOCAL_JOB_CENTER", center);
      return { result: { useId: id }, participantIds: [participantId] };
    });
    return ctx.db.getRepository(LocalServiceUse).findOneByOrFail({ id: useId });
  }
}

/** Adds a write's effect to the center's figures for the year, in the write's transaction (the annual stats read them). */
async function addToLocalYear(
  tx: EntityManager,
  center: number,
  date: string,
  delta: { discovered?: number; linked?: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO local_center_year_figures (center_id, region_code, year, discovered, linked)
     SELECT id, region_code, $2, $3, $4 FROM local_job_center WHERE id = $1
     ON CONFLICT (center_id, year) DO UPDATE SET discovered = local_center_year_figures.discovered + EXCLUDED.discovered,
       linked = local_center_year_figures.linked + EXCLUDED.linked`,
    [center, Number(date.slice(0, 4)), delta.discovered ?? 0, delta.linked ?? 0],
  );
  // the gateway's cached reports are keyed by this version: it moves with the figures, in the same transaction
  await tx.query(BUMP_FIGURES_VERSION);
}
