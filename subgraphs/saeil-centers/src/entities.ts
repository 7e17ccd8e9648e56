import { Course } from "./course/course.entity";
import { SaeilInternship } from "./saeil-internship/saeil-internship.entity";
import { SaeilEnrollment } from "./saeil-enrollment/saeil-enrollment.entity";
import { SaeilCenter } from "./saeil-center/saeil-center.entity";

/** Every TypeORM entity of the saeil-centers database. */
export const entities = [SaeilCenter, Course, SaeilEnrollment, SaeilInternship];
