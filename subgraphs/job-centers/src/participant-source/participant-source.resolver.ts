import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords } from "../participant/case-records.guard";
import { ParticipantSource } from "./participant-source.type";

@Resolver(() => Participant)
export class ParticipantSourceResolver {
  // the employment center's own record of the case (kept from the local center's event): a case record like the others
  @Policy(["office-staff"])
  @FieldResolver(() => ParticipantSource, {
    nullable: true,
    description: "Where a local job center found this person (발굴), as the employment center recorded it; null if they came on their own.",
  })
  async source(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<ParticipantSource | null> {
    const record = await ctx.loaders.sourceByParticipant.load(participant.id);
    if (record === null) return null;
    await guardCaseRecords(ctx, participant, "source");
    return record;
  }
}
