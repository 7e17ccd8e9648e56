import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WorkExperience } from "./work-experience.entity";

const SQL = `
  SELECT w.participant_id AS "participantId", c.name AS "companyName",
         to_char(w.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(w.ended_on, 'YYYY-MM-DD') AS "endedOn"
  FROM work_experience w JOIN work_experience_company c ON c.id = w.company_id
  WHERE w.participant_id = ANY($1::uuid[])
  ORDER BY w.started_on, w.id`;

export function createWorkExperienceLoaders(db: DataSource) {
  return {
    workExperiencesByParticipant: listLoader<string, WorkExperience>(
      (ids) => db.query(SQL, [ids]),
      (row) => row.participantId,
    ),
  };
}

@Resolver(() => Participant)
export class ParticipantWorkExperienceResolver {
  @FieldResolver(() => [WorkExperience], { description: "Work-experience placements (일경험), oldest first." })
  workExperiences(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<WorkExperience[]> {
    return ctx.loaders.workExperiencesByParticipant.load(participant.id);
  }
}
