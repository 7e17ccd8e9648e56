import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SaeilCentersContext } from "../context";
import { SaeilCenter } from "../saeil-center/saeil-center.entity";
import { Course } from "./course.entity";

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => SaeilCenter)
  async saeilCenter(@Root() course: Course, @Ctx() ctx: SaeilCentersContext): Promise<SaeilCenter> {
    return (await ctx.loaders.saeilCenterById.load(course.saeilCenterId)) as SaeilCenter;
  }
}

@Resolver(() => SaeilCenter)
export class SaeilCenterCoursesResolver {
  // a public directory, as the centers advertise their courses
  @FieldResolver(() => [Course], { description: "The center's courses, by start day." })
  courses(@Root() center: SaeilCenter, @Ctx() ctx: SaeilCentersContext): Promise<Course[]> {
    return ctx.loaders.coursesByCenter.load(center.id);
  }
}
