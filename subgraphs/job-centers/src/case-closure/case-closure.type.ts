import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ExitReason } from "./exit-reason.enum";

/** How a case ended (종료), as closeParticipation recorded it. */
@ObjectType({ description: "The end of a case (종료): the day and the exit reason." })
export class CaseClosure {
  @Field(() => DateScalar)
  closedOn: string;

  @Field(() => ExitReason)
  reason: ExitReason;

  @Field(() => String, { nullable: true, description: "What happened, as the center wrote it (always there with OTHER)." })
  note: string | null;
}

/** Follow-up (사후관리, Rule §11), as startFollowUp recorded it. */
@ObjectType({ description: "Follow-up (사후관리, Rule §11) after the service year ended without a job." })
export class FollowUp {
  @Field(() => DateScalar)
  startedOn: string;

  @Field(() => DateScalar, { description: "3 months after `startedOn`: the earliest day it may close as FOLLOW_UP_FINISHED." })
  endsOn: string;
}
