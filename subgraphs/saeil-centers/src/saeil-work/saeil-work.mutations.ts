import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { addDays, checkDay, PROGRAM_START_DAY, todayInKorea } from "@lib/mutation/dates";
import { checkIdempotencyKey } from "@lib/mutation/idempotency";
import { conflict, invalidTransition } from "@lib/mutation/mutation-errors";
import { knownParticipant, linkParticipant, ownOfficeOf } from "@lib/mutation/office-writes";
import { runMutation } from "@lib/mutation/run-mutation";
import type { SaeilCentersContext } from "../context";
import { Course } from "../course/course.entity";
import { SaeilEnrollment } from "../saeil-enrollment/saeil-enrollment.entity";
import { EnrollmentStatus } from "../saeil-enrollment/saeil-enrollment.enums";
import { SaeilInternship } from "../saeil-internship/saeil-internship.entity";
import {
  CompleteEnrollmentInput,
  CreateCourseInput,
  DropEnrollmentInput,
  EnrollInCourseInput,
  RecordInternshipInput,
} from "./saeil-work.inputs";

const NEXT_STATUSES: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  [EnrollmentStatus.ENROLLED]: [EnrollmentStatus.COMPLETED, EnrollmentStatus.DROPPED],
  [EnrollmentStatus.COMPLETED]: [],
  [EnrollmentStatus.DROPPED]: [],
};

@Resolver()
export class SaeilWorkResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Course, { description: "Opens a vocational course (직업교육훈련) at your Saeil center." })
  async createCourse(
    @Arg("input", () => CreateCourseInput) input: CreateCourseInput,
    @Ctx() ctx: SaeilCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Course> {
    const center = ownOfficeOf(ctx.viewer, "SAEIL_CENTER", "createCourse", "a Saeil center's");
    const { idempotencyKey, ...rest } = input;
    const title = text("title", input.title, 100);
    const field = text("field", input.field, 40);
    if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 2000) throw badUserInput("hours must be 1–2000.", "hours");
    checkDay("startsOn", input.startsOn, PROGRAM_START_DAY, "the program's start", addDays(todayInKorea(), 365));
    const { courseId } = await runMutation(ctx, info, { mutation: "createCourse", idempotencyKey, input: rest }, async (tx) => {
      const [{ id }] = await tx.query<Array<{ id: number }>>(
        `INSERT INTO saeil_course (saeil_center_id, title, field, hours, starts_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [center, title, field, input.hours, input.startsOn],
      );
      return { result: { courseId: id }, participantIds: [] };
    });
    return ctx.db.getRepository(Course).findOneByOrFail({ id: courseId });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => SaeilEnrollment, {
    description:
      "Enrolls a participant (asked of job-centers) in a course of your center: ENROLLED at version 1; your center now serves them.",
  })
  async enrollInCourse(
    @Arg("input", () => EnrollInCourseInput) input: EnrollInCourseInput,
    @Ctx() ctx: SaeilCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SaeilEnrollment> {
    const center = ownOfficeOf(ctx.viewer, "SAEIL_CENTER", "enrollInCourse", "a Saeil center's");
    const { idempotencyKey, ...rest } = input;
    checkIdempotencyKey(idempotencyKey);
    const enrolledOn = input.enrolledOn ?? todayInKorea();
    checkDay("enrolledOn", enrolledOn, PROGRAM_START_DAY, "the program's start");
    const participantId = await knownParticipant(ctx.jobCenters, input.participantId);
    const { enrollmentId } = await runMutation(ctx, info, { mutation: "enrollInCourse", idempotencyKey, input: rest }, async (tx) => {
      const courseId = parseIntId(input.courseId);
      const [course] =
        courseId === null
          ? []
          : await tx.query<Array<{ id: number; region_code: string }>>(
              `SELECT k.id, c.region_code FROM saeil_course k JOIN saeil_center c ON c.id = k.saeil_center_id WHERE k.id = $1 AND k.saeil_center_id = $2`,
              [courseId, center],
            );
      if (!course) throw badUserInput(`No course with id "${input.courseId}" is run by your center.`, "courseId");
      // one open enrollment per course and person: a second would count the person twice
      const [open] = await tx.query<unknown[]>(
        `SELECT 1 FROM saeil_enrollment WHERE course_id = $1 AND participant_id = $2 AND status = 'ENROLLED' FOR UPDATE`,
        [course.id, participantId],
      );
      if (open) throw badUserInput(`Participant "${participantId}" is already enrolled in this course.`, "participantId");
      const [{ id }] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO saeil_enrollment (course_id, participant_id, status, enrolled_on) VALUES ($1, $2, 'ENROLLED', $3) RETURNING id::text`,
        [course.id, participantId, enrolledOn],
      );
      await linkParticipant(tx, participantId, "SAEIL_CENTER", center);
      await addToSaeilYear(tx, center, enrolledOn, { enrolled: 1 });
      return { result: { enrollmentId: id }, participantIds: [participantId] };
    });
    return ctx.db.getRepository(SaeilEnrollment).findOneByOrFail({ id: enrollmentId });
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => SaeilEnrollment, { description: "The participant completed the course: ENROLLED → COMPLETED, counted at once." })
  async completeEnrollment(
    @Arg("input", () => CompleteEnrollmentInput) input: CompleteEnrollmentInput,
    @Ctx() ctx: SaeilCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SaeilEnrollment> {
    return closeEnrollment(ctx, info, "completeEnrollment", input, "completedOn", input.completedOn, EnrollmentStatus.COMPLETED);
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => SaeilEnrollment, { description: "The participant left the course before its end: ENROLLED → DROPPED." })
  async dropEnrollment(
    @Arg("input", () => DropEnrollmentInput) input: DropEnrollmentInput,
    @Ctx() ctx: SaeilCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SaeilEnrollment> {
    return closeEnrollment(ctx, info, "dropEnrollment", input, "droppedOn", input.droppedOn, EnrollmentStatus.DROPPED);
  }

  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => SaeilInternship, {
    description:
      "Records an internship (새일여성인턴) your center arranged for a participant (asked of job-centers); your center now serves them.",
  })
  async recordInternship(
    @Arg("input", () => RecordInternshipInput) input: RecordInternshipInput,
    @Ctx() ctx: SaeilCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SaeilInternship> {
    const center = ownOfficeOf(ctx.viewer, "SAEIL_CENTER", "recordInternship", "a Saeil center's");
    const { idempotencyKey, ...rest } = input;
    checkIdempotencyKey(idempotencyKey);
    const company = text("company", input.company, 100);
    checkDay("startsOn", input.startsOn, PROGRAM_START_DAY, "the program's start", addDays(todayInKorea(), 365));
    if (input.endsOn < input.startsOn || input.endsOn > addDays(input.startsOn, 365)) {
      throw badUserInput(`endsOn (${input.endsOn}) must be from startsOn (${input.startsOn}) to a year after it.`, "endsOn");
    }
    const participantId = await knownParticipant(ctx.jobCenters, input.participantId);
    const { internshipId } = await runMutation(ctx, info, { mutation: "recordInternship", idempotencyKey, input: rest }, async (tx) => {
      const [{ id }] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO saeil_internship (saeil_center_id, participant_id, company, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
        [center, participantId, company, input.startsOn, input.endsOn],
      );
      await linkParticipant(tx, participantId, "SAEIL_CENTER", center);
      return { result: { internshipId: id }, participantIds: [participantId] };
    });
    return ctx.db.getRepository(SaeilInternship).findOneByOrFail({ id: internshipId });
  }
}

async function closeEnrollment(
  ctx: SaeilCentersContext,
  info: GraphQLResolveInfo,
  mutation: string,
  input: { idempotencyKey: string; enrollmentId: string; expectedVersion: number },
  dateField: "completedOn" | "droppedOn",
  date: string | null | undefined,
  status: EnrollmentStatus.COMPLETED | EnrollmentStatus.DROPPED,
): Promise<SaeilEnrollment> {
  const center = ownOfficeOf(ctx.viewer, "SAEIL_CENTER", mutation, "a Saeil center's");
  const { idempotencyKey, ...rest } = input;
  const on = date ?? todayInKorea();
  const { enrollmentId } = await runMutation(ctx, info, { mutation, idempotencyKey, input: rest }, async (tx) => {
    const id = parseIntId(input.enrollmentId);
    const [row] =
      id === null
        ? []
        : await tx.query<
            Array<{ id: string; center: number; participantId: string; status: EnrollmentStatus; version: number; enrolledOn: string }>
          >(
            `SELECT e.id::text, k.saeil_center_id AS center, e.participant_id AS "participantId", e.status, e.version, e.enrolled_on::text AS "enrolledOn"
             FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id WHERE e.id = $1 FOR UPDATE OF e`,
            [id],
          );
    if (!row || row.center !== center)
      throw badUserInput(`No enrollment with id "${input.enrollmentId}" is at your center.`, "enrollmentId");
    if (row.version !== input.expectedVersion) throw conflict("enrollment", input.expectedVersion, row.version);
    if (row.status !== EnrollmentStatus.ENROLLED) {
      throw invalidTransition(mutation, row.status, NEXT_STATUSES[row.status], { record: "the enrollment", closed: "the enrollment" });
    }
    checkDay(dateField, on, row.enrolledOn, "the enrollment");
    const column = status === EnrollmentStatus.COMPLETED ? "completed_on" : "dropped_on";
    await tx.query(`UPDATE saeil_enrollment SET status = $2, ${column} = $3, version = version + 1 WHERE id = $1`, [row.id, status, on]);
    if (status === EnrollmentStatus.COMPLETED) await addToSaeilYear(tx, center, on, { completed: 1 });
    return { result: { enrollmentId: row.id }, participantIds: [row.participantId] };
  });
  return ctx.db.getRepository(SaeilEnrollment).findOneByOrFail({ id: enrollmentId });
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw badUserInput(`${field} must be 1–${max} characters.`, field);
  return trimmed;
}

/** Adds a write's effect to the center's figures for the year, in the write's transaction (the region report reads them). */
async function addToSaeilYear(
  tx: EntityManager,
  center: number,
  date: string,
  delta: { enrolled?: number; completed?: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO saeil_center_year_figures (center_id, region_code, year, enrolled, completed)
     SELECT id, region_code, $2, $3, $4 FROM saeil_center WHERE id = $1
     ON CONFLICT (center_id, year) DO UPDATE SET enrolled = saeil_center_year_figures.enrolled + EXCLUDED.enrolled,
       completed = saeil_center_year_figures.completed + EXCLUDED.completed`,
    [center, Number(date.slice(0, 4)), delta.enrolled ?? 0, delta.completed ?? 0],
  );
  // the gateway's cached reports are keyed by this version: it moves with the figures, in the same transaction
  await tx.query(BUMP_FIGURES_VERSION);
}
