import { randomUUID } from "node:crypto";
import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { forbidden } from "@lib/graphql/records-guard";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import { emit } from "@lib/events/outbox";
import type { Viewer } from "@lib/auth/viewer";
import { addToCenterYear } from "../center-annual-stats/center-year-figures.write";
import type { JobCentersContext } from "../context";
import { addToBreakdown } from "../program-breakdown/breakdown-figures.write";
import { ApplyForProgramInput, type ConsentInput } from "./apply-for-program.input";
import { Participant } from "./participant.entity";
import { checkName, checkTrackAge, PROGRAM_START } from "./participant.rules";

@Resolver()
export class ApplyForProgramResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description: "Takes an application (신청, Act §8): a participant in APPLIED at your center, with the consents given.",
  })
  async applyForProgram(
    @Arg("input", () => ApplyForProgramInput) input: ApplyForProgramInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "applyForProgram", idempotencyKey, input: rest }, async (tx) => {
      const id = await apply(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function apply(tx: EntityManager, viewer: Viewer, input: ApplyForProgramInput): Promise<string> {
  const name = checkName(input.name);
  const appliedOn = input.appliedOn ?? todayInKorea();
  checkDay("appliedOn", appliedOn, PROGRAM_START, "the program's start");
  checkTrackAge("birthYear", input.requestedTrack, input.birthYear, appliedOn);
  const centerId = parseIntId(input.employmentCenterId);
  if (viewer.kind !== "user" || viewer.org?.kind !== "EMPLOYMENT_CENTER" || centerId !== viewer.org.id) {
    throw forbidden("Mutation.applyForProgram", "an application is taken at your own employment center");
  }
  const [center] = await tx.query<
    Array<{
      region_code: string;
    }>
  >(`SELECT region_code FROM employment_center WHERE id = $1`, [centerId]);
  if (!center) throw forbidden("Mutation.applyForProgram", "your sign-in names no employment center");
  if (center.region_code !== input.regionCode) {
    throw badUserInput(`Employment center ${centerId} serves region ${center.region_code}, not ${input.regionCode}.`, "regionCode");
  }
  const counselorId = viewer.role === "COUNSELOR" ? await ownCounselorId(tx, viewer.sub, centerId) : null;
  const id = randomUUID();
  await tx.query(
    `INSERT INTO participant (id, name, birth_year, gender, track, stage, applied_on, region_code, employment_center_id, counselor_id)
     VALUES ($1, $2, $3, $4, $5, 'APPLIED', $6, $7, $8, $9)`,
    [id, name, input.birthYear, input.gender, input.requestedTrack, appliedOn, input.regionCode, centerId, counselorId],
  );
  await tx.query(`INSERT INTO participant_link (participant_id, office_kind, office_id) VALUES ($1, 'EMPLOYMENT_CENTER', $2)`, [
    id,
    centerId,
  ]);
  for (const consent of distinctConsents(input.consents)) {
    await tx.query(`INSERT INTO participant_consent (participant_id, viewer_kind, records_kind, given_at) VALUES ($1, $2, $3, now())`, [
      id,
      consent.viewerKind,
      consent.recordsKind,
    ]);
  }
  await addToCenterYear(tx, { centerId, regionCode: input.regionCode }, appliedOn, { applicants: 1 });
  await addToBreakdown(tx, id, appliedOn, { applicants: 1 });
  // every agency keeps the center of record and the consents, to apply them to its own records
  await emit(tx, {
    type: "ParticipantApplied",
    participantId: id,
    payload: { employmentCenterId: centerId, consents: distinctConsents(input.consents) },
  });
  return id;
}

/** A counsellor takes the case themselves: their token's subject must be a counsellor of the center. */
async function ownCounselorId(tx: EntityManager, sub: string, centerId: number): Promise<number> {
  const id = parseIntId(sub);
  const rows =
    id === null ? [] : await tx.query<unknown[]>(`SELECT 1 FROM counselor WHERE id = $1 AND employment_center_id = $2`, [id, centerId]);
  if (rows.length === 0) throw forbidden("Mutation.applyForProgram", "your sign-in does not name a counsellor of this center");
  return id!;
}

function distinctConsents(consents: readonly ConsentInput[]): ConsentInput[] {
  const seen = new Map<string, ConsentInput>();
  consents.forEach((consent, i) => {
    if (consent.viewerKind === consent.recordsKind) {
      throw badUserInput(`consents[${i}]: an agency always sees its own records; name two different kinds.`, "consents");
    }
    seen.set(`${consent.viewerKind}>${consent.recordsKind}`, consent);
  });
  return [...seen.values()];
}
