import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { JobSearchActivityKind } from "./job-search-activity.type";

@InputType({ description: "A job-search activity of the IAP (Decree §8), reported while seeking work." })
export class RecordJobSearchActivityInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => JobSearchActivityKind)
  kind: JobSearchActivityKind;

  @Field(() => DateScalar, { nullable: true, description: "Day of the activity, not before the IAP; today (in Korea) when omitted." })
  doneOn?: string | null;

  @Field(() => String, { description: "What was done, 1–200 characters." })
  description: string;
}
