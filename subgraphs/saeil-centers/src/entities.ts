import { Course } from "./course/course.entity";
import { SaeilEnrollment } from "./saeil-enrollment/saeil-enrollment.entity";
import { SaeilCenter } from "./saeil-center/saeil-center.entity";

/** Every TypeORM entity of the saeil-centers database. */
export const entities = [SaeilCenter, Course, SaeilEnrollment];
