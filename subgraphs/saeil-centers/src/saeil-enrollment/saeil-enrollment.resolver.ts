import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SaeilCentersContext } from "../context";
import { Course } from "../course/course.entity";
import { Participant } from "../participant/participant.entity";
import { SaeilEnrollment } from "./saeil-enrollment.entity";
import { RequiresScopes } from "@lib/graphql/access";

@Resolver(() => SaeilEnrollment)
export class SaeilEnrollmentResolver {
  @FieldResolver(() => Course)
  async course(@Root() enrollment: SaeilEnrollment, @Ctx() ctx: SaeilCentersContext): Promise<Course> {
    return (await ctx.loaders.courseById.load(enrollment.courseId)) as Course;
  }
}

@Resolver(() => Participant)
export class ParticipantSaeilEnrollmentsResolver {
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [SaeilEnrollment], { nullable: true, description: "Saeil center course enrollments, oldest first." })
  saeilEnrollments(@Root() participant: Participant, @Ctx() ctx: SaeilCentersContext): Promise<SaeilEnrollment[]> {
    return ctx.loaders.enrollmentsByParticipant.load(participant.id);
  }
}
