import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { SaeilCentersContext } from "../context";
import { SaeilCenter } from "../saeil-center/saeil-center.entity";

/** The region entity of job-centers; this subgraph adds the Saeil centers located there. */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Region {
  @Field(() => String)
  code: string;
}

@Resolver(() => Region)
export class RegionSaeilCentersResolver {
  @FieldResolver(() => [SaeilCenter], { nullable: true, description: "Women's reemployment centers (새일센터) in this region." })
  saeilCenters(@Root() region: Region, @Ctx() ctx: SaeilCentersContext): Promise<SaeilCenter[]> {
    return ctx.loaders.saeilCentersByRegion.load(region.code);
  }
}
