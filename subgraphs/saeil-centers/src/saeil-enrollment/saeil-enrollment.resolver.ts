import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SaeilCentersContext } from "../context";
import { Course } from "../course/course.entity";
import { Participant } from "../participant/participant.entity";
import { SaeilEnrollment } from "./saeil-enrollment.entity";
import { RequiresScopes } from "@lib/graphql/access";
import { guardRecords, ownOffice } from "@lib/graphql/records-guard";

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
  async saeilEnrollments(@Root() participant: Participant, @Ctx() ctx: SaeilCentersContext): Promise<SaeilEnrollment[]> {
    // the records and the rule's lookup in one statement (the loader primes participantAccess)
    const enrollments = await ctx.loaders.enrollmentsByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person who never enrolled, but only to an office
    // serving them (to anyone else, an empty list would tell that this person has no Saeil records)
    await guardRecords(ctx, participant.id, "SAEIL_CENTER", "Participant.saeilEnrollments", enrollments.length === 0);
    if (enrollments.length === 0) return enrollments;
    // a Saeil center's own staff see the enrollments at their own center only
    const own = ownOffice(ctx.viewer, "SAEIL_CENTER");
    if (own === null) return enrollments;
    const courses = await ctx.loaders.courseById.loadMany(enrollments.map((e) => e.courseId));
    return enrollments.filter((_, i) => (courses[i] as Course | null)?.saeilCenterId === own);
  }
}
