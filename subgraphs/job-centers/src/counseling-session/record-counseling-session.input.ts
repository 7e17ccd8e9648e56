import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { CounselingMode } from "./counseling-session.enums";

@InputType({ description: "A counselling session (상담) held with a participant." })
export class RecordCounselingSessionInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => DateScalar, { nullable: true, description: "Day of the session; today (in Korea) when omitted." })
  heldOn?: string | null;

  @Field(() => CounselingMode)
  mode: CounselingMode;

  @Field(() => String, { description: "What it was about, e.g. 취업활동계획 수립 (1–200 characters)." })
  topic: string;
}
