import { Field, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "Signs a company up as a work-experience host (일경험 참여기업) of the caller's employment center." })
export class SignUpWorkExperienceHostInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => String, { description: "The company's name, 1–100 characters." })
  name: string;

  @Field(() => DateScalar, { nullable: true, description: "Day of the sign-up; today (in Korea) when omitted." })
  signedUpOn?: string | null;
}
