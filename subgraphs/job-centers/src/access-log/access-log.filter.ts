import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "@lib/graphql/scalars";

/** Which access-log entries an auditor asks for; every field optional, the given ones combined with AND. */
@InputType({ description: "Filters of the access log; the given ones are combined with AND." })
export class AccessLogFilter {
  @Field(() => ID, { nullable: true, description: "Entries that read (or changed) this participant." })
  participantId?: string | null;

  @Field(() => String, { nullable: true, description: "Entries of this user (the token's subject)." })
  userSub?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "At or after this instant." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "At or before this instant." })
  to?: Date | null;
}
