import { SafeIntResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";

/** One employment center's year, counted from its records (the figures the ministry reports per office). */
@RequiresScopes(["report:read"])
@ObjectType({ description: "One employment center's year, counted from its records." })
export class CenterAnnualStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Applications (신청) received that year." })
  applicants: number;

  @Field(() => Int, { description: "Participants whose eligibility (수급자격) was decided that year." })
  participantsStarted: number;

  @Field(() => Int, { description: "Participants employed (취업) that year." })
  employed: number;

  @Field(() => Int, { description: "Of `employed`, jobs found through the center's placement (알선취업)." })
  placementEmployments: number;

  @Field(() => Int, { description: "Work-experience host companies (일경험 참여기업) signed up that year." })
  workExperienceCompanies: number;

  @Field(() => SafeIntResolver, { description: "Job-seeking allowance (구직촉진수당) paid that year, in won (beyond 32 bits)." })
  allowancePaidWon: number;
}
