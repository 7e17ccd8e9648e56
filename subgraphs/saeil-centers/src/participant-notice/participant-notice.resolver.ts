import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import { noticeDate } from "@lib/graphql/notice-guard";
import { DateScalar } from "@lib/graphql/scalars";
import type { SaeilCentersContext } from "../context";
import { SaeilEnrollment } from "../saeil-enrollment/saeil-enrollment.entity";

/**
 * The flags the employment center's events put on a participant's enrollments (lib/events/access-copy.ts#NOTICE_EFFECTS),
 * read under the employment center's rule (lib/graphql/notice-guard.ts).
 */
@Resolver(() => SaeilEnrollment)
export class SaeilEnrollmentNoticeResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "The day the participant started a job of 30+ hours a week (Act §29), as the employment center told; null if not. The employment center's record: other offices need the participant's consent.",
  })
  participantEmployedOn(@Root() enrollment: SaeilEnrollment, @Ctx() ctx: SaeilCentersContext): Promise<string | null> {
    return noticeDate(ctx, enrollment.participantId, "employedOn", "SaeilEnrollment.participantEmployedOn");
  }

  @Policy(["office-staff"])
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "The day the participant's case in the program closed, as the employment center told; null while it is open. The employment center's record: other offices need the participant's consent.",
  })
  participantClosedOn(@Root() enrollment: SaeilEnrollment, @Ctx() ctx: SaeilCentersContext): Promise<string | null> {
    return noticeDate(ctx, enrollment.participantId, "closedOn", "SaeilEnrollment.participantClosedOn");
  }
}
