import { existsSync } from "node:fs";
import path from "node:path";

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root, found the same way from sources (tests) and from compiled `dist/` (runtime). */
export const PROJECT_ROOT = findRoot(__dirname);

/** Reference data copied from the program's public listings (`data/`). */
export const DATA_DIR = path.join(PROJECT_ROOT, "data");

/** Committed GraphQL artifacts (`schema/`). */
export const SCHEMA_DIR = path.join(PROJECT_ROOT, "schema");
