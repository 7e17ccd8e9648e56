import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";

/** The region entity of job-centers; this subgraph adds the local job centers located there. */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Region {
  @Field(() => String)
  code: string;
}

@Resolver(() => Region)
export class RegionLocalJobCentersResolver {
  @FieldResolver(() => [LocalJobCenter], { nullable: true, description: "Local government job centers (지자체 일자리센터) in this region." })
  localJobCenters(@Root() region: Region, @Ctx() ctx: LocalJobCentersContext): Promise<LocalJobCenter[]> {
    return ctx.loaders.localJobCentersByRegion.load(region.code);
  }
}
