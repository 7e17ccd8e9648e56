import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ParticipantStage } from "../participant/participant.enums";

/** The deferral (유예) a case is in, as deferParticipation recorded it; resumeParticipation ends it. */
@ObjectType({ description: "Participation on hold (유예, at most 2 years): since when, until when, and the stage it resumes to." })
export class Deferral {
  @Field(() => DateScalar)
  deferredOn: string;

  @Field(() => DateScalar, { description: "The day the participant is to resume." })
  resumesOn: string;

  @Field(() => ParticipantStage, { description: "The stage the case was deferred from, and returns to." })
  resumesToStage: ParticipantStage;
}
