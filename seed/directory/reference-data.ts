import { readFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "@lib/config/paths";

/** One of the 17 시도 as listed in `data/regions.json`. */
export interface RegionRecord {
  code: string;
  kostatCode: string;
  name: string;
  nameEn: string;
}

/** One employment center (고용센터) or sub-office as listed in `data/employment-centers.json`. */
export interface EmploymentCenterRecord {
  name: string;
  sidoCode: string;
  sido: string;
  address: string;
  phone: string | null;
  jurisdiction: string[];
  /** Name of the main office a sub-office reports to. */
  parent: string | null;
}

/** The public listings the directory is built from. */
export interface ReferenceData {
  regions: RegionRecord[];
  employmentCenters: EmploymentCenterRecord[];
}

function readJson<T>(dataDir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dataDir, file), "utf8")) as T;
}

/** Reads the reference listings at run time, so that updating `data/` needs no rebuild. */
export function readReferenceData(dataDir: string = DATA_DIR): ReferenceData {
  const { regions } = readJson<{ regions: RegionRecord[] }>(dataDir, "regions.json");
  const { centers } = readJson<{ centers: EmploymentCenterRecord[] }>(dataDir, "employment-centers.json");
  return { regions, employmentCenters: centers };
}
