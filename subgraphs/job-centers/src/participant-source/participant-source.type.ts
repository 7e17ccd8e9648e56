import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";

/** Where a local job center found the person (발굴), as its `OutreachLinked` event told the employment center. */
@ObjectType({ description: "Where the participant was found (발굴): the local job center, its outreach record and the day." })
export class ParticipantSource {
  @Field(() => LocalJobCenter)
  localJobCenter: LocalJobCenter;

  @Field(() => ID, { description: "The local center's outreach record (its `Outreach.id`)." })
  outreachId: string;

  @Field(() => DateScalar)
  discoveredOn: string;
}
