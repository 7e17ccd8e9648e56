import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { AgencyKind } from "../participant-consent/participant-consent.enums";
import { Gender, SupportTrack } from "./participant.enums";

@InputType({ description: "A consent given with the application: `viewerKind` staff may see `recordsKind` records." })
export class ConsentInput {
  @Field(() => AgencyKind)
  viewerKind: AgencyKind;

  @Field(() => AgencyKind)
  recordsKind: AgencyKind;
}

@InputType({ description: "An application (신청) taken at an employment center (Act §8, Rule §4)." })
export class ApplyForProgramInput {
  @Field(() => String, {
    description: "A key of the client's own (a UUID) for this request: a retry with the same key writes nothing twice.",
  })
  idempotencyKey: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  birthYear: number;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => SupportTrack, { description: "The track applied for; the eligibility decision may set another." })
  requestedTrack: SupportTrack;

  @Field(() => String, { description: "The applicant's region (legal-dong code, e.g. `28`)." })
  regionCode: string;

  @Field(() => ID, { description: "Your employment center, which must lie in the region." })
  employmentCenterId: string;

  @Field(() => DateScalar, { nullable: true, description: "Date of application; today (in Korea) when omitted." })
  appliedOn?: string | null;

  @Field(() => [ConsentInput], {
    description: "Consents to share records between agencies, given with the application (PIPA §17, §18, §23).",
  })
  consents: ConsentInput[];
}
