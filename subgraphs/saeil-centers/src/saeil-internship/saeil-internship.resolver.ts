import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import { guardRecords, ownOffice } from "@lib/graphql/records-guard";
import type { SaeilCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { SaeilCenter } from "../saeil-center/saeil-center.entity";
import { SaeilInternship } from "./saeil-internship.entity";

@Resolver(() => SaeilInternship)
export class SaeilInternshipResolver {
  @FieldResolver(() => SaeilCenter, { description: "The Saeil center that arranged it." })
  async saeilCenter(@Root() internship: SaeilInternship, @Ctx() ctx: SaeilCentersContext): Promise<SaeilCenter> {
    return (await ctx.loaders.saeilCenterById.load(internship.saeilCenterId)) as SaeilCenter;
  }
}

@Resolver(() => Participant)
export class ParticipantSaeilInternshipsResolver {
  // the same rules as the enrollments: a Saeil center's records, for other kinds of office only with consent
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [SaeilInternship], {
    nullable: true,
    description: "Internships (새일여성인턴) Saeil centers arranged, oldest first.",
  })
  async saeilInternships(@Root() participant: Participant, @Ctx() ctx: SaeilCentersContext): Promise<SaeilInternship[]> {
    // the records and the rule's lookup in one statement (the loader primes participantAccess)
    const internships = await ctx.loaders.internshipsByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without an internship, but only to an office
    // serving them
    await guardRecords(ctx, participant.id, "SAEIL_CENTER", "Participant.saeilInternships", internships.length === 0);
    if (internships.length === 0) return internships;
    // a Saeil center's own staff see the internships their own center arranged only
    const own = ownOffice(ctx.viewer, "SAEIL_CENTER");
    return own === null ? internships : internships.filter((internship) => internship.saeilCenterId === own);
  }
}
