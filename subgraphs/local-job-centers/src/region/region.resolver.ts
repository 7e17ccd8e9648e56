import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Region } from "./region.entity";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";

@Resolver(() => Region)
export class RegionLocalJobCentersResolver {
  @FieldResolver(() => [LocalJobCenter], {
    nullable: true,
    description: "Local government job centers (지자체 일자리센터) in this region.",
  })
  localJobCenters(@Root() region: Region, @Ctx() ctx: LocalJobCentersContext): Promise<LocalJobCenter[]> {
    return ctx.loaders.localJobCentersByRegion.load(region.code);
  }
}
