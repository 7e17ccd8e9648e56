import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@lib/graphql/pagination";
import { Participant } from "./participant.entity";

@ObjectType()
export class ParticipantEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Participant)
  node: Participant;
}

@ObjectType({ description: "A page of participants, newest application first." })
export class ParticipantConnection {
  @Field(() => Int, { description: "Size of the whole filtered set, not of this page." })
  totalCount: number | Promise<number>;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => [ParticipantEdge])
  edges: ParticipantEdge[];
}
