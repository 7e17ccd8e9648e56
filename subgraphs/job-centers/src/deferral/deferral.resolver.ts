import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords } from "../participant/case-records.guard";
import { Deferral } from "./deferral.type";

@Resolver(() => Participant)
export class ParticipantDeferralResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => Deferral, { nullable: true, description: "The deferral (유예) the case is in; null when it is not deferred." })
  async deferral(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Deferral | null> {
    // read with the participant's row: no statement of its own; nothing to withhold when there is no deferral
    const { deferredOn, resumesOn, previousStage } = participant;
    if (deferredOn === null || resumesOn === null || previousStage === null) return null;
    await guardCaseRecords(ctx, participant, "deferral");
    return { deferredOn, resumesOn, resumesToStage: previousStage };
  }
}
