import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { parseUuid } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";

/**
 * The one question the other agencies ask the owner of the participants before they take a person on (an enrollment
 * at a Saeil center, an outreach linked, a local service used, a referral): does this participant exist? Answered
 * to staff who may write (`participant:write`, an office) with a yes or no and nothing else about the person, since
 * the asking office has no relationship with them yet (that is what its write creates) and `participant(id)` would
 * rightly answer it null. The id is a random UUID the person gives to the office that serves them, so the answer
 * confirms what the asker already holds rather than finding anyone.
 */
@Resolver()
export class ParticipantExistsResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Query(() => Boolean, {
    description:
      "Whether a participant with this id exists (any stage): what another agency asks before taking the person on. Nothing else about the person.",
  })
  async participantExists(@Arg("id", () => ID) id: string, @Ctx() ctx: JobCentersContext): Promise<boolean> {
    const key = parseUuid(id);
    if (key === null) return false;
    return (await ctx.loaders.participantById.load(key)) !== null;
  }
}
