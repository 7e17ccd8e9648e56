import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The local job centers' entity (local-job-centers owns it), known here by id only: where a participant was found
 * (`Participant.source`). Not resolvable here; the gateway asks local-job-centers for the rest.
 */
@Directive(`@key(fields: "id", resolvable: false)`)
@ObjectType()
export class LocalJobCenter {
  @Field(() => ID)
  id: number;
}
