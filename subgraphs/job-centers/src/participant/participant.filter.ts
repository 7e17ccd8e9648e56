import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ParticipantStage, SupportTrack } from "./participant.enums";

/** Which participants a list shows; every field optional, all given ones combined with AND. */
@InputType({ description: "Filters of a participant list; the given ones are combined with AND." })
export class ParticipantFilter {
  @Field(() => ID, { nullable: true })
  employmentCenterId?: string | null;

  @Field(() => ID, { nullable: true })
  counselorId?: string | null;

  @Field(() => String, { nullable: true, description: "Region legal-dong code, e.g. `28`." })
  regionCode?: string | null;

  @Field(() => ParticipantStage, { nullable: true })
  stage?: ParticipantStage | null;

  @Field(() => SupportTrack, { nullable: true })
  track?: SupportTrack | null;

  @Field(() => DateScalar, { nullable: true, description: "Applied on or after this date." })
  appliedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Applied on or before this date." })
  appliedTo?: string | null;
}
