import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { Employment } from "./employment.entity";

export function createEmploymentLoaders(db: DataSource) {
  return {
    employmentByParticipant: rowLoader<string, Employment>(
      (ids) => db.getRepository(Employment).findBy({ participantId: In([...ids]) }),
      (employment) => employment.participantId,
    ),
  };
}

@Resolver(() => Participant)
export class ParticipantEmploymentResolver {
  @FieldResolver(() => Employment, { nullable: true, description: "The job that ended support; null while not employed." })
  employment(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Employment | null> {
    return ctx.loaders.employmentByParticipant.load(participant.id);
  }
}
