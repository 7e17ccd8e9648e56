import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { EmploymentCenter } from "../employment-center/employment-center.entity";
import { Counselor } from "./counselor.entity";

@Resolver(() => Counselor)
export class CounselorResolver {
  @FieldResolver(() => EmploymentCenter)
  async employmentCenter(@Root() counselor: Counselor, @Ctx() ctx: JobCentersContext): Promise<EmploymentCenter> {
    return (await ctx.loaders.employmentCenterById.load(counselor.employmentCenterId)) as EmploymentCenter;
  }
}
