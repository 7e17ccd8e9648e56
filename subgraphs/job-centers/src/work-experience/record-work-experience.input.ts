import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "A participant's stay of 4–13 weeks at a host company of their own center (일경험, Decree §8)." })
export class RecordWorkExperienceInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => ID, { description: "A host company of the participant's employment center, signed up by the start." })
  companyId: string;

  @Field(() => DateScalar, { description: "First day, not before the IAP." })
  startedOn: string;

  @Field(() => DateScalar, { description: "Last day: 4–13 weeks (28–91 days) after the first; not in the future." })
  endedOn: string;
}
