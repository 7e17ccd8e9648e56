import { Client } from "pg";
import type { DatabaseUrls } from "@lib/platform/prepare-databases";
import { todayInKorea } from "@lib/mutation/dates";

/** A case a counsellor writes for: the counsellor in charge, the center (and its region), stage and version. */
export interface CaseRow {
  id: string;
  counselorId: number;
  centerId: number;
  regionCode: string;
  stage: string;
  version: number;
}

/** Who the write phase writes for, read from (and for the batch, prepared in) the scratch copy of job-centers. */
export interface WriteFixtures {
  /** The month the allowance is paid for: this month in Korea (the day of payment is today). */
  month: string;
  /** Type Ⅰ participants after their IAP, fewer than 6 payments, none for `month`: the batch's and the mix's. */
  allowance: Array<{ id: string; centerId: number }>;
  eligibleAsSeeded: number;
  preparedBySql: number;
  /** Cases in a counselled stage, in a seeded shuffle; none of them is paid in the batch or employed by the mix. */
  counseled: CaseRow[];
  /** Job-seeking cases (not among `counseled`, nor paid): the mix's recordEmployment and recordJobSearchActivity. */
  jobSeeking: CaseRow[];
  /** Welfare partners a referral may go to. */
  partnerIds: number[];
}

const TYPE_I = ["TYPE_I_REQUIREMENT", "TYPE_I_SELECTION"];
const COUNSELED = ["ELIGIBLE", "PLANNING", "JOB_SEEKING", "EMPLOYED", "FOLLOW_UP"];
/** How many counselled cases are read: enough for distinct participants in every request of a 10 s round at 1,000/s. */
const COUNSELED_ROWS = 20_000;

/** Candidates for the allowance, the eligible first, then the nearest to it; a shuffle fixed by the ids' hashes. */
const ALLOWANCE_CANDIDATES = `
  SELECT p.id, p.employment_center_id AS "centerId",
         (p.stage = 'JOB_SEEKING' AND coalesce(x.paid, 0) < 6 AND NOT coalesce(x.this_month, false)) AS eligible
  FROM participant p
  JOIN action_plan ap ON ap.participant_id = p.id
  LEFT JOIN LATERAL (SELECT count(*) AS paid, bool_or(a.month = $1) AS this_month FROM allowance_payment a WHERE a.participant_id = p.id) x ON true
  WHERE p.track = ANY($2) AND ap.established_on <= $3
  ORDER BY eligible DESC, md5(p.id::text)
  LIMIT $4`;

/**
 * Makes `count` participants eligible for `month`'s allowance where the seeded data has fewer (at 20,000
 * participants about 1,300 are): Type Ⅰ participants with an IAP are moved to JOB_SEEKING and keep at most their first
 * five payments, none for `month`. Only in the scratch copy, before anything is timed.
 */
async function prepareAllowance(db: Client, month: string, count: number) {
  const { rows } = await db.query<{ id: string; centerId: number; eligible: boolean }>(ALLOWANCE_CANDIDATES, [
    month,
    TYPE_I,
    todayInKorea(),
    count,
  ]);
  const prepared = rows.filter((row) => !row.eligible).map((row) => row.id);
  if (prepared.length > 0) {
    await db.query(`UPDATE participant SET stage = 'JOB_SEEKING', version = version + 1 WHERE id = ANY($1) AND stage <> 'JOB_SEEKING'`, [
      prepared,
    ]);
    await db.query(
      `DELETE FROM allowance_payment a
       USING (SELECT id, row_number() OVER (PARTITION BY participant_id ORDER BY month) AS n FROM allowance_payment WHERE participant_id = ANY($1)) r
       WHERE a.id = r.id AND (r.n > 5 OR a.month = $2)`,
      [prepared, month],
    );
  }
  return { allowance: rows.map(({ id, centerId }) => ({ id, centerId })), eligibleAsSeeded: rows.length - prepared.length, prepared };
}

/** Reads (and for the batch, prepares) the write phase's participants in the scratch databases. */
export async function writeFixtures(urls: DatabaseUrls, allowanceCount: number, jobSeekingCount: number): Promise<WriteFixtures> {
  const month = todayInKorea().slice(0, 7);
  const db = new Client({ connectionString: urls["job-centers"] });
  await db.connect();
  try {
    const { allowance, eligibleAsSeeded, prepared } = await prepareAllowance(db, month, allowanceCount);
    const { rows } = await db.query<CaseRow>(
      `SELECT id, counselor_id AS "counselorId", employment_center_id AS "centerId", region_code AS "regionCode", stage, version
       FROM participant WHERE counselor_id IS NOT NULL AND stage = ANY($1) AND NOT (id = ANY($2))
       ORDER BY md5(id::text) LIMIT $3`,
      [COUNSELED, allowance.map((a) => a.id), COUNSELED_ROWS],
    );
    const jobSeeking = rows.filter((row) => row.stage === "JOB_SEEKING").slice(0, jobSeekingCount);
    const taken = new Set(jobSeeking.map((row) => row.id));
    const partners = new Client({ connectionString: urls["welfare-partners"] });
    await partners.connect();
    const partnerIds = await partners
      .query<{ id: number }>("SELECT id FROM welfare_partner ORDER BY id")
      .then((result) => result.rows.map((row) => row.id))
      .finally(() => partners.end());
    return {
      month,
      allowance,
      eligibleAsSeeded,
      preparedBySql: prepared.length,
      counseled: rows.filter((row) => !taken.has(row.id)),
      jobSeeking,
      partnerIds,
    };
  } finally {
    await db.end();
  }
}
