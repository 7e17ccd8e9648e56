import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { LinkAgreement } from "./link-agreement.entity";

@Resolver(() => LocalJobCenter)
export class LocalJobCenterLinkAgreementsResolver {
  // the same figures as the annual stats' agreementQuota, with what a revision needs (its version)
  @RequiresScopes(["report:read"])
  @FieldResolver(() => [LinkAgreement], {
    nullable: true,
    description: "The center's linkage agreements (연계 협약), oldest year first: what setAgreementQuota recorded.",
  })
  linkAgreements(@Root() center: LocalJobCenter, @Ctx() ctx: LocalJobCentersContext): Promise<LinkAgreement[]> {
    return ctx.loaders.agreementsByCenter.load(center.id);
  }
}
