import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@lib/graphql/pagination";
import { CounselingSession } from "./counseling-session.entity";

@ObjectType()
export class CounselingSessionEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => CounselingSession)
  node: CounselingSession;
}

@ObjectType({ description: "A page of counselling sessions, most recent first." })
export class CounselingSessionConnection {
  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => [CounselingSessionEdge])
  edges: CounselingSessionEdge[];
}
