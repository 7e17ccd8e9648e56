import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Region } from "./region.entity";
import type { SaeilCentersContext } from "../context";
import { SaeilCenter } from "../saeil-center/saeil-center.entity";

@Resolver(() => Region)
export class RegionSaeilCentersResolver {
  @FieldResolver(() => [SaeilCenter], { nullable: true, description: "Women's reemployment centers (새일센터) in this region." })
  saeilCenters(@Root() region: Region, @Ctx() ctx: SaeilCentersContext): Promise<SaeilCenter[]> {
    return ctx.loaders.saeilCentersByRegion.load(region.code);
  }
}
