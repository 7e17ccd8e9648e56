import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** The job-search activities an IAP may contain (Decree §8; docs/domain.md#process-stages). */
export enum JobSearchActivityKind {
  TRAINING = "TRAINING",
  WORK_EXPERIENCE = "WORK_EXPERIENCE",
  VOCATIONAL_GUIDANCE = "VOCATIONAL_GUIDANCE",
  WELFARE_LINKAGE = "WELFARE_LINKAGE",
  COMMUNITY_SERVICE = "COMMUNITY_SERVICE",
  STARTUP_PREPARATION = "STARTUP_PREPARATION",
  APPLICATION_INTERVIEW = "APPLICATION_INTERVIEW",
  PROFESSIONAL_DEVELOPMENT = "PROFESSIONAL_DEVELOPMENT",
  OTHER = "OTHER",
}

registerEnumType(JobSearchActivityKind, {
  name: "JobSearchActivityKind",
  description: "구직활동의 종류: the activities an IAP may contain (Decree §8).",
  valuesConfig: {
    TRAINING: { description: "Vocational training or a course (직업훈련)." },
    WORK_EXPERIENCE: { description: "Work experience (일경험)." },
    VOCATIONAL_GUIDANCE: { description: "Vocational guidance (직업지도)." },
    WELFARE_LINKAGE: { description: "A welfare-linkage program (복지연계 프로그램)." },
    COMMUNITY_SERVICE: { description: "Community service (사회봉사)." },
    STARTUP_PREPARATION: { description: "Preparing a start-up (창업 준비)." },
    APPLICATION_INTERVIEW: { description: "Applying for jobs and interviewing (입사지원·면접)." },
    PROFESSIONAL_DEVELOPMENT: { description: "Professional development (직무능력 개발)." },
    OTHER: { description: "Another activity the center recognises." },
  },
});

@ObjectType({ description: "A job-search activity the participant reported (구직활동, Decree §8)." })
export class JobSearchActivity {
  @Field(() => ID)
  id: string;

  @Field(() => JobSearchActivityKind)
  kind: JobSearchActivityKind;

  @Field(() => DateScalar)
  doneOn: string;

  @Field(() => String)
  description: string;
}
