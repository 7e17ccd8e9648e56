import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { parseUuid } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";
import { Counselor } from "../counselor/counselor.entity";
import { EmploymentCenter } from "../employment-center/employment-center.entity";
import { Region } from "../region/region.entity";
import { ParticipantConnection } from "./participant.connection";
import { Participant } from "./participant.entity";
import { ParticipantFilter } from "./participant.filter";
import { participantPage } from "./participant.query";
import { RequiresScopes } from "@lib/graphql/access";
import { maskName } from "@lib/auth/mask";
import { seesFullName, visibleParticipant } from "./participant.visibility";

@ArgsType()
class ParticipantsArgs {
  @Field(() => ParticipantFilter, { nullable: true })
  filter?: ParticipantFilter | null;

  @Field(() => Int, { nullable: true, description: "Page size, 1–100 (default 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "`endCursor` of the previous page." })
  after?: string | null;
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @RequiresScopes(["participant:read"])
  @Query(() => Participant, {
    nullable: true,
    description: "A participant by id; null when there is none or your office has no relationship with them.",
  })
  participant(@Arg("id", () => ID) id: string, @Ctx() ctx: JobCentersContext): Promise<Participant | null> {
    const key = parseUuid(id);
    if (key === null) return Promise.resolve(null);
    return ctx.loaders.participantById.load(key).then((participant) => visibleParticipant(ctx, participant));
  }

  @RequiresScopes(["participant:read"])
  @Query(() => ParticipantConnection, { description: "Participants your office serves, newest application first (a caseload)." })
  participants(@Args(() => ParticipantsArgs) args: ParticipantsArgs, @Ctx() ctx: JobCentersContext): Promise<ParticipantConnection> {
    return participantPage(ctx.db, ctx.viewer, args);
  }

  @FieldResolver(() => String, {
    description: "Full name; masked (`홍*동`) for a counsellor of the center who is not in charge of the case.",
  })
  name(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): string {
    return seesFullName(ctx.viewer, participant) ? participant.name : maskName(participant.name);
  }

  @FieldResolver(() => Region)
  async region(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Region> {
    return (await ctx.loaders.regionByCode.load(participant.regionCode)) as Region;
  }

  @FieldResolver(() => EmploymentCenter, { description: "The center that runs this participant's case." })
  async employmentCenter(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<EmploymentCenter> {
    return (await ctx.loaders.employmentCenterById.load(participant.employmentCenterId)) as EmploymentCenter;
  }

  @FieldResolver(() => Counselor, { nullable: true, description: "The counsellor in charge; null before assignment." })
  counselor(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Counselor | null> {
    return participant.counselorId === null ? Promise.resolve(null) : ctx.loaders.counselorById.load(participant.counselorId);
  }
}
