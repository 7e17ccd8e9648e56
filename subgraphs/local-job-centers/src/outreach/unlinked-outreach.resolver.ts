import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { forbidden, ownOffice } from "@lib/graphql/records-guard";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { Outreach } from "./outreach.entity";

@Resolver(() => LocalJobCenter)
export class LocalJobCenterUnlinkedOutreachResolver {
  // people found but not linked yet: no participant to relate to, so the center's own staff alone read its list
  @RequiresScopes(["participant:read"])
  @Policy(["office-staff"])
  @FieldResolver(() => [Outreach], {
    nullable: true,
    description:
      "Outreach (발굴) the center recorded and has not linked to a participant yet, oldest first: the ids and versions linkOutreach needs. The center's own staff only.",
  })
  async unlinkedOutreach(@Root() center: LocalJobCenter, @Ctx() ctx: LocalJobCentersContext): Promise<Outreach[]> {
    if (ownOffice(ctx.viewer, "LOCAL_JOB_CENTER") !== center.id) {
      throw forbidden("LocalJobCenter.unlinkedOutreach", "only the center's own staff read the outreach it has not linked");
    }
    return ctx.loaders.unlinkedOutreachByCenter.load(center.id);
  }
}
