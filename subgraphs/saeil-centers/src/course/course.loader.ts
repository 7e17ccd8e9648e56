import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader, rowLoader } from "@lib/loaders/by-key";
import { Course } from "./course.entity";

export function createCourseLoaders(db: DataSource) {
  return {
    courseById: rowLoader<number, Course>(
      (ids) => db.getRepository(Course).findBy({ id: In([...ids]) }),
      (c) => c.id,
    ),
    coursesByCenter: listLoader<number, Course>(
      (ids) => db.getRepository(Course).find({ where: { saeilCenterId: In([...ids]) }, order: { startsOn: "ASC", id: "ASC" } }),
      (c) => c.saeilCenterId,
    ),
  };
}
