import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import type { SaeilCentersContext } from "../context";
import { SaeilCenter } from "../saeil-center/saeil-center.entity";
import { Course } from "./course.entity";

export function createCourseLoaders(db: DataSource) {
  return {
    courseById: rowLoader<number, Course>((ids) => db.getRepository(Course).findBy({ id: In([...ids]) }), (c) => c.id),
  };
}

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => SaeilCenter)
  async saeilCenter(@Root() course: Course, @Ctx() ctx: SaeilCentersContext): Promise<SaeilCenter> {
    return (await ctx.loaders.saeilCenterById.load(course.saeilCenterId)) as SaeilCenter;
  }
}
