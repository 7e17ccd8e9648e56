import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { Course } from "./course.entity";

export function createCourseLoaders(db: DataSource) {
  return {
    courseById: rowLoader<number, Course>(
      (ids) => db.getRepository(Course).findBy({ id: In([...ids]) }),
      (c) => c.id,
    ),
  };
}
