import type { SubgraphName } from "@subgraphs/registry";

/** A table the seeder fills, with the columns in the order its rows are written. */
export interface TableSpec {
  /** The databases that hold the table: its owner's, or all four for the copies every agency keeps. */
  databases: readonly SubgraphName[];
  name: string;
  columns: readonly string[];
  /** Has an identity `id` the seeder sets explicitly; its sequence is moved past the seeded ids afterwards. */
  identity: boolean;
  /** Depth in the foreign-key graph: a table is written only after every table of a lower level. */
  level: number;
  /** Tables of one level on different lanes are written at the same time, over different connections. */
  lane: number;
}

const EVERY_DATABASE = ["job-centers", "local-job-centers", "saeil-centers", "welfare-partners"] as const satisfies SubgraphName[];

function table(
  database: SubgraphName | typeof EVERY_DATABASE,
  name: string,
  level: number,
  columns: string,
  identity = false,
  lane = 0,
): TableSpec {
  const databases = typeof database === "string" ? [database] : database;
  return { databases, name, columns: columns.split(",").map((c) => c.trim()), identity, level, lane };
}

/**
 * Every seeded table, parents before children (table names are unique across the four databases, except the copies
 * every database holds). The job centers' database has most rows, so its biggest child tables
 * (sessions, payments) go over a second connection while the others are written.
 */
export const TABLES = {
  region: table("job-centers", "region", 0, "code, name, name_en, kostat_code"),
  employment_center: table("job-centers", "employment_center", 1, "id, name, region_code, address, phone, parent_id, jurisdiction"),
  counselor: table("job-centers", "counselor", 2, "id, employment_center_id, name, contracted_agency, years_of_experience, is_supervisor"),
  work_experience_company: table("job-centers", "work_experience_company", 2, "id, employment_center_id, name, signed_up_on", true),
  participant: table(
    "job-centers",
    "participant",
    3,
    "id, name, birth_year, gender, track, stage, applied_on, eligibility_decided_on, region_code, employment_center_id, counselor_id, closed_on, exit_reason",
  ),
  action_plan: table("job-centers", "action_plan", 4, "participant_id, established_on, desired_occupation"),
  counseling_session: table("job-centers", "counseling_session", 4, "id, participant_id, counselor_id, held_on, mode, topic", true, 1),
  allowance_payment: table("job-centers", "allowance_payment", 4, "id, participant_id, month, amount_won, paid_on", true, 1),
  placement: table("job-centers", "placement", 4, "id, participant_id, referred_on, employer_name, occupation, result", true),
  work_experience: table("job-centers", "work_experience", 4, "id, participant_id, company_id, started_on, ended_on", true),
  employment: table(
    "job-centers",
    "employment",
    4,
    "participant_id, employed_on, employer_name, occupation, weekly_hours, via_placement, ended_on",
  ),
  local_job_center: table("local-job-centers", "local_job_center", 0, "id, name, region_code, address"),
  link_agreement: table("local-job-centers", "link_agreement", 1, "id, local_job_center_id, year, quota, signed_on", true),
  outreach: table("local-job-centers", "outreach", 1, "id, local_job_center_id, participant_id, discovered_on, channel, linked_on", true),
  local_service_use: table("local-job-centers", "local_service_use", 1, "id, local_job_center_id, participant_id, service, used_on", true),
  saeil_center: table("saeil-centers", "saeil_center", 0, "id, name, region_code, address"),
  saeil_course: table("saeil-centers", "saeil_course", 1, "id, saeil_center_id, title, field, hours, starts_on", true),
  saeil_enrollment: table("saeil-centers", "saeil_enrollment", 2, "id, course_id, participant_id, status, enrolled_on, completed_on", true),
  welfare_partner: table("welfare-partners", "welfare_partner", 0, "id, name, kind, region_code, address"),
  welfare_referral: table(
    "welfare-partners",
    "welfare_referral",
    1,
    "id, partner_id, participant_id, status, referred_on, resolved_on",
    true,
  ),
  // every agency's copy of who may see whom (lib/db/participant-access-tables.ts); no foreign keys, so level 0
  participant_link: table(EVERY_DATABASE, "participant_link", 0, "participant_id, office_kind, office_id"),
  participant_consent: table(
    EVERY_DATABASE,
    "participant_consent",
    0,
    "id, participant_id, viewer_kind, records_kind, given_at, withdrawn_at",
    true,
  ),
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

/** The seeded tables of one database, parents first. */
export function tablesOf(database: SubgraphName): TableSpec[] {
  return Object.values(TABLES).filter((t) => t.databases.includes(database));
}

/** Connections the seeder opens to a database: one per lane its tables use. */
export function lanesOf(database: SubgraphName): number {
  return Math.max(...tablesOf(database).map((t) => t.lane)) + 1;
}
