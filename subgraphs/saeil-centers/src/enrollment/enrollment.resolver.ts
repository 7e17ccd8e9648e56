import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { SaeilCentersContext } from "../context";
import { Course } from "../course/course.entity";
import { Participant } from "../participant/participant";
import { SaeilEnrollment } from "./enrollment.entity";

export function createEnrollmentLoaders(db: DataSource) {
  return {
    enrollmentsByParticipant: listLoader<string, SaeilEnrollment>(
      (ids) => db.getRepository(SaeilEnrollment).find({ where: { participantId: In([...ids]) }, order: { enrolledOn: "ASC", id: "ASC" } }),
      (e) => e.participantId,
    ),
  };
}

@Resolver(() => SaeilEnrollment)
export class SaeilEnrollmentResolver {
  @FieldResolver(() => Course)
  async course(@Root() enrollment: SaeilEnrollment, @Ctx() ctx: SaeilCentersContext): Promise<Course> {
    return (await ctx.loaders.courseById.load(enrollment.courseId)) as Course;
  }
}

@Resolver(() => Participant)
export class ParticipantSaeilEnrollmentsResolver {
  @FieldResolver(() => [SaeilEnrollment], { nullable: true, description: "Saeil center course enrollments, oldest first." })
  saeilEnrollments(@Root() participant: Participant, @Ctx() ctx: SaeilCentersContext): Promise<SaeilEnrollment[]> {
    return ctx.loaders.enrollmentsByParticipant.load(participant.id);
  }
}
