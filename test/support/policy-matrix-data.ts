import type { TestSystem } from "./system";

/**
 * The policy matrix's facts, read straight from the four databases (never through the graph): which participant
 * each case is, and their whole Participant360 as the center of record sees it. The matrix then says what each
 * viewer may see of it, and test/policy-matrix.e2e.ts derives the exact answer from the two.
 */

export type Kind = "EMPLOYMENT_CENTER" | "LOCAL_JOB_CENTER" | "SAEIL_CENTER" | "WELFARE_PARTNER";
const L = "LOCAL_JOB_CENTER";
const S = "SAEIL_CENTER";
const W = "WELFARE_PARTNER";

/** A participant's name as a counsellor outside the case reads it, computed here from the rule as documented. */
const MASKED = `
  CASE WHEN char_length(full_name) <= 1 THEN '*'
       WHEN char_length(full_name) - f = 1 THEN left(full_name, f) || '*'
       ELSE left(full_name, f) || repeat('*', char_length(full_name) - f - 1) || right(full_name, 1) END`;
const FAMILY = `CASE WHEN char_length(full_name) > 2 AND left(full_name, 2) IN
  ('남궁', '황보', '제갈', '사공', '선우', '서문', '독고', '동방', '을지', '망절', '어금') THEN 2 ELSE 1 END`;
export const maskedNameSql = (column: string) =>
  `(SELECT ${MASKED} FROM (SELECT full_name, ${FAMILY} AS f FROM (SELECT ${column} AS full_name) a) n)`;

/** Who a case is, by what the databases say about them (the employment center's copy of links and consents). */
export interface CaseCriteria {
  /** At the anchor center, or at a center of another region. */
  at: "center" | "elsewhere";
  /** Whose case: the test counsellor's, or someone else's (also null: not yet assigned). */
  counselor: "mine" | "other";
  /** The other kinds of office related to the person, comma-separated in order, "" for none. */
  kinds: string;
  /** The consents in force, `VIEWER>RECORDS`, comma-separated in order, "" for none. */
  consents: string;
  /** Whether some consent was withdrawn. */
  withdrawn: boolean;
}

const PROFILE = `
  SELECT p.id::text AS id,
    coalesce((SELECT string_agg(DISTINCT l.office_kind, ',' ORDER BY l.office_kind) FROM participant_link l
              WHERE l.participant_id = p.id AND l.office_kind <> 'EMPLOYMENT_CENTER'), '') AS kinds,
    coalesce((SELECT string_agg(c.viewer_kind || '>' || c.records_kind, ',' ORDER BY c.viewer_kind, c.records_kind)
              FROM participant_consent c WHERE c.participant_id = p.id AND c.given_at <= now()
              AND (c.withdrawn_at IS NULL OR c.withdrawn_at > now())), '') AS consents,
    EXISTS (SELECT 1 FROM participant_consent c WHERE c.participant_id = p.id AND c.withdrawn_at <= now()) AS withdrawn
  FROM participant p
  WHERE (p.employment_center_id = $1) = ($2 = 'center')
    AND ($2 = 'center' OR p.region_code <> (SELECT region_code FROM employment_center WHERE id = $1))
    AND (p.counselor_id IS NOT DISTINCT FROM $3) = ($4 = 'mine')
    -- every case has records of the employment center's own, so that withholding them is visible
    AND EXISTS (SELECT 1 FROM action_plan a WHERE a.participant_id = p.id)`;

/** The first participant (by id, or the last with `last`) that fits, with the offices related to them. */
export async function pickParticipant(
  system: TestSystem,
  anchor: { center: number; counselor: number },
  c: CaseCriteria,
  last = false,
): Promise<{ id: string; offices: Partial<Record<Kind, number>> }> {
  const [row] = await system.sql(
    "job-centers",
    `SELECT id FROM (${PROFILE}) x WHERE kinds = $5 AND consents = $6 AND withdrawn = $7 ORDER BY id ${last ? "DESC" : ""} LIMIT 1`,
    [anchor.center, c.at, anchor.counselor, c.counselor, c.kinds, c.consents, c.withdrawn],
  );
  if (!row) throw new Error(`the demo data has no participant for ${JSON.stringify(c)}`);
  const links = await system.sql(
    "job-centers",
    "SELECT office_kind, min(office_id) AS id FROM participant_link WHERE participant_id = $1 GROUP BY 1",
    [row.id],
  );
  return { id: row.id as string, offices: Object.fromEntries(links.map((l) => [l.office_kind, l.id as number])) };
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const JOB_CENTERS_VIEW = `
  SELECT p.name, ${maskedNameSql("p.name")} AS masked, json_build_object(
    'id', p.id::text, 'name', p.name, 'birthYear', p.birth_year, 'gender', p.gender, 'track', p.track, 'stage', p.stage,
    'appliedOn', ${day("p.applied_on")}, 'eligibilityDecidedOn', ${day("p.eligibility_decided_on")},
    'region', json_build_object('code', r.code, 'name', r.name),
    'employmentCenter', json_build_object('id', e.id::text, 'name', e.name),
    'counselor', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id::text, 'name', c.name) END,
    'actionPlan', (SELECT json_build_object('establishedOn', ${day("a.established_on")}, 'desiredOccupation', a.desired_occupation)
                   FROM action_plan a WHERE a.participant_id = p.id),
    'counselingSessions', json_build_object(
      'totalCount', (SELECT count(*) FROM counseling_session s WHERE s.participant_id = p.id),
      'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', s.id::text, 'heldOn', ${day("s.held_on")},
                 'mode', s.mode, 'topic', s.topic)) ORDER BY s.held_on DESC, s.id DESC)
               FROM (SELECT * FROM counseling_session WHERE participant_id = p.id ORDER BY held_on DESC, id DESC LIMIT 5) s), '[]')),
    'allowancePayments', coalesce((SELECT json_agg(json_build_object('month', x.month, 'amountWon', x.amount_won, 'paidOn', ${day("x.paid_on")})
                   ORDER BY x.month) FROM allowance_payment x WHERE x.participant_id = p.id), '[]'),
    'placements', coalesce((SELECT json_agg(json_build_object('id', x.id::text, 'referredOn', ${day("x.referred_on")}, 'employerName',
                   x.employer_name, 'occupation', x.occupation, 'result', x.result) ORDER BY x.referred_on, x.id)
                   FROM placement x WHERE x.participant_id = p.id), '[]'),
    'workExperiences', coalesce((SELECT json_agg(json_build_object('companyName', k.name, 'startedOn', ${day("w.started_on")},
                   'endedOn', ${day("w.ended_on")}) ORDER BY w.started_on, w.id)
                   FROM work_experience w JOIN work_experience_company k ON k.id = w.company_id WHERE w.participant_id = p.id), '[]'),
    'employment', (SELECT json_build_object('employedOn', ${day("x.employed_on")}, 'employerName', x.employer_name, 'occupation',
                   x.occupation, 'weeklyHours', x.weekly_hours, 'viaPlacement', x.via_placement) FROM employment x WHERE x.participant_id = p.id)
  ) AS view
  FROM participant p JOIN region r ON r.code = p.region_code JOIN employment_center e ON e.id = p.employment_center_id
  LEFT JOIN counselor c ON c.id = p.counselor_id
  WHERE p.id = $1`;

const LOCAL_VIEW = `
  SELECT (SELECT json_build_object('discoveredOn', ${day("o.discovered_on")}, 'channel', o.channel,
            'localJobCenter', json_build_object('id', c.id::text, 'name', c.name))
          FROM outreach o JOIN local_job_center c ON c.id = o.local_job_center_id WHERE o.participant_id = $1) AS outreach,
         coalesce((SELECT json_agg(json_build_object('service', u.service, 'usedOn', ${day("u.used_on")},
            'localJobCenter', json_build_object('id', c.id::text, 'name', c.name)) ORDER BY u.used_on, u.id)
          FROM local_service_use u JOIN local_job_center c ON c.id = u.local_job_center_id WHERE u.participant_id = $1), '[]') AS "localServices"`;

const SAEIL_VIEW = `
  SELECT coalesce(json_agg(json_build_object('status', e.status, 'enrolledOn', ${day("e.enrolled_on")}, 'completedOn', ${day("e.completed_on")},
           'course', json_build_object('title', k.title, 'field', k.field, 'hours', k.hours,
             'saeilCenter', json_build_object('id', c.id::text, 'name', c.name))) ORDER BY e.enrolled_on, e.id), '[]') AS "saeilEnrollments"
  FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id JOIN saeil_center c ON c.id = k.saeil_center_id
  WHERE e.participant_id = $1`;

const WELFARE_VIEW = `
  SELECT coalesce(json_agg(json_build_object('id', r.id::text, 'status', r.status, 'referredOn', ${day("r.referred_on")},
           'resolvedOn', ${day("r.resolved_on")}, 'partner', json_build_object('id', w.id::text, 'name', w.name, 'kind', w.kind))
           ORDER BY r.referred_on, r.id), '[]') AS "welfareReferrals"
  FROM welfare_referral r JOIN welfare_partner w ON w.id = r.partner_id WHERE r.participant_id = $1`;

/** Everything Participant360 asks for, as the person's own center reads it, and the name masked. */
export async function participantView(system: TestSystem, id: string): Promise<{ view: Record<string, any>; masked: string }> {
  const [[jobs], [local], [saeil], [welfare]] = await Promise.all([
    system.sql("job-centers", JOB_CENTERS_VIEW, [id]),
    system.sql("local-job-centers", LOCAL_VIEW, [id]),
    system.sql("saeil-centers", SAEIL_VIEW, [id]),
    system.sql("welfare-partners", WELFARE_VIEW, [id]),
  ]);
  return { view: { ...jobs.view, ...local, ...saeil, ...welfare }, masked: jobs.masked as string };
}

/**
 * The refusals a Caseload page must carry for a viewer of `kind` (its other agencies' flags), as `edge.field` paths:
 * a flag of another kind of agency's records, where there are some and no consent in force covers the viewer's kind;
 * each welfare referral's partner for the employment center without the §23 consent. An office's own kind it reads.
 */
export async function caseloadRefusals(system: TestSystem, ids: string[], kind: Kind): Promise<string[]> {
  const consented = new Set(
    (
      await system.sql(
        "job-centers",
        `SELECT participant_id || '>' || records_kind AS k FROM participant_consent WHERE participant_id = ANY($1::uuid[])
         AND viewer_kind = $2 AND given_at <= now() AND (withdrawn_at IS NULL OR withdrawn_at > now())`,
        [ids, kind],
      )
    ).map((r) => r.k as string),
  );
  const holders = async (db: "local-job-centers" | "saeil-centers" | "welfare-partners", sql: string) =>
    (await system.sql(db, sql, [ids])).map((r) => [r.participant_id as string, Number(r.i)] as const);
  const records = {
    outreach: [L, await holders("local-job-centers", "SELECT participant_id, 0 AS i FROM outreach WHERE participant_id = ANY($1::uuid[])")],
    saeilEnrollments: [
      S,
      await holders("saeil-centers", "SELECT DISTINCT participant_id, 0 AS i FROM saeil_enrollment WHERE participant_id = ANY($1::uuid[])"),
    ],
    partner: [
      W,
      await holders(
        "welfare-partners",
        `SELECT participant_id, row_number() OVER (PARTITION BY participant_id ORDER BY referred_on, id) - 1 AS i
         FROM welfare_referral WHERE participant_id = ANY($1::uuid[])`,
      ),
    ],
  } as const;
  const refused: string[] = [];
  for (const [field, [recordsKind, rows]] of Object.entries(records)) {
    // the partner is refused by scope to those without welfare:read (one error for the operation, see the matrix)
    if (recordsKind === kind || (field === "partner" && kind !== "EMPLOYMENT_CENTER")) continue;
    for (const [id, i] of rows.filter(([id]) => !consented.has(`${id}>${recordsKind}`))) {
      refused.push(field === "partner" ? `${ids.indexOf(id)}.welfareReferrals.${i}.partner` : `${ids.indexOf(id)}.${field}`);
    }
  }
  return refused.sort();
}
