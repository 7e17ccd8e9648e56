import type { Role } from "@lib/auth/roles";
import { contract, startSystem, type GraphQLResponse, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";
import {
  caseloadRefusals,
  maskedNameSql,
  participantView,
  pickParticipant,
  type CaseCriteria,
  type Kind,
} from "./support/policy-matrix-data";

/**
 * Who may see what (issue 8): every role × the contract's operations × participants with and without a relationship
 * and consent, each answer checked whole — values, nulls, masked names and the exact FORBIDDEN errors — against what
 * the databases hold. The employment center staff work at 인천고용센터; the other offices' staff at the person's own
 * office of their kind where there is one (else at an office unrelated to them).
 */
const CENTER = 21;

type Viewer = Role | "anonymous";
const VIEWERS: Viewer[] = [
  "COUNSELOR",
  "CENTER_MANAGER",
  "LOCAL_CENTER_STAFF",
  "SAEIL_STAFF",
  "WELFARE_STAFF",
  "ANALYST",
  "AUDITOR",
  "ADMIN",
  "anonymous",
];
const STAFF = ["COUNSELOR", "CENTER_MANAGER", "LOCAL_CENTER_STAFF", "SAEIL_STAFF", "WELFARE_STAFF"] as const;
const KIND: Record<(typeof STAFF)[number], Kind> = {
  COUNSELOR: "EMPLOYMENT_CENTER",
  CENTER_MANAGER: "EMPLOYMENT_CENTER",
  LOCAL_CENTER_STAFF: "LOCAL_JOB_CENTER",
  SAEIL_STAFF: "SAEIL_CENTER",
  WELFARE_STAFF: "WELFARE_PARTNER",
};
const isStaff = (viewer: Viewer): viewer is (typeof STAFF)[number] => (STAFF as readonly string[]).includes(viewer);

const L = "LOCAL_JOB_CENTER";
const S = "SAEIL_CENTER";
const W = "WELFARE_PARTNER";
const at = (c: Partial<CaseCriteria>): CaseCriteria => ({
  at: "center",
  counselor: "other",
  kinds: "",
  consents: "",
  withdrawn: false,
  ...c,
});
/** The participants, by what the databases say about them (support/policy-matrix-data.ts finds the first that fits). */
const CASES = {
  own: at({ counselor: "mine" }),
  colleague: at({}),
  otherCenter: at({ at: "elsewhere" }),
  localConsented: at({ kinds: L, consents: `EMPLOYMENT_CENTER>${L},${L}>EMPLOYMENT_CENTER` }),
  localUnconsented: at({ kinds: L }),
  localWithdrawn: at({ kinds: L, withdrawn: true }),
  saeilConsented: at({ kinds: S, consents: `EMPLOYMENT_CENTER>${S},${S}>EMPLOYMENT_CENTER` }),
  saeilUnconsented: at({ kinds: S }),
  welfareConsented: at({ kinds: W, consents: `EMPLOYMENT_CENTER>${W},${W}>EMPLOYMENT_CENTER` }),
  welfareUnconsented: at({ kinds: W }),
  // the separate §23 consent withdrawn, the general one (the partner may see the case) still in force
  welfareWithdrawn: at({ kinds: W, consents: `${W}>EMPLOYMENT_CENTER`, withdrawn: true }),
};
type Case = keyof typeof CASES;

/**
 * What each office's staff get of each case's Participant360. `full`/`masked`: the person, the name so; `none`: no
 * such person (no relationship: `participant` null, no error). The words after it come back null, each with a
 * FORBIDDEN error: `counselor` (no staff:read), `partner` (no welfare:read: one error for the operation), `case` (the
 * employment center's case records), `local`, `saeil` (another agency's records: no consent in force), `partners`
 * (each referral's partner: no §23 consent). Ministry roles and anonymous callers get no person at all.
 */
// prettier-ignore
const MATRIX: Record<Case, readonly [string, string, string, string, string]> = {
  //                    COUNSELOR          CENTER_MANAGER    LOCAL_CENTER_STAFF     SAEIL_STAFF            WELFARE_STAFF
  own:                 ["full",            "full",           "none partner",        "none partner",        "none counselor"],
  colleague:           ["masked",          "full",           "none partner",        "none partner",        "none counselor"],
  otherCenter:         ["none",            "none",           "none partner",        "none partner",        "none counselor"],
  localConsented:      ["masked",          "full",           "full partner",        "none partner",        "none counselor"],
  localUnconsented:    ["masked local",    "full local",     "full partner case",   "none partner",        "none counselor"],
  localWithdrawn:      ["masked local",    "full local",     "full partner case",   "none partner",        "none counselor"],
  saeilConsented:      ["masked",          "full",           "none partner",        "full partner",        "none counselor"],
  saeilUnconsented:    ["masked saeil",    "full saeil",     "none partner",        "full partner case",   "none counselor"],
  welfareConsented:    ["masked",          "full",           "none partner",        "none partner",        "full counselor"],
  welfareUnconsented:  ["masked partners", "full partners",  "none partner",        "none partner",        "full counselor case"],
  welfareWithdrawn:    ["masked partners", "full partners",  "none partner",        "none partner",        "full counselor"],
};

const LABEL: Record<Kind, string> = {
  EMPLOYMENT_CENTER: "employment center",
  LOCAL_JOB_CENTER: "local job center",
  SAEIL_CENTER: "Saeil center",
  WELFARE_PARTNER: "welfare partner",
};
const notConsented = (records: Kind, viewer: Kind) =>
  `the participant has not consented to share ${LABEL[records]} records with ${LABEL[viewer]} staff`;
const CASE_RECORDS = ["actionPlan", "counselingSessions", "allowancePayments", "placements", "workExperiences", "employment"];
const isEmpty = (value: any) => value === null || (Array.isArray(value) ? value.length === 0 : value.edges?.length === 0);

/** The answer a viewer must get, derived from the center's full view, the matrix's entry and their office. */
function expected(view: Record<string, any>, masked: string, entry: string, kind: Kind, office: number) {
  const [outcome, ...withheld] = entry.split(" ");
  const errors: string[] = [];
  if (withheld.includes("counselor")) errors.push("Participant.counselor: requires staff:read");
  if (withheld.includes("partner")) errors.push("WelfareReferral.partner: requires welfare:read");
  if (outcome === "none") return { data: { participant: null }, errors: errors.sort() };
  const p = structuredClone(view);
  if (outcome === "masked") p.name = masked;
  const refuse = (fields: string[], records: Kind) => {
    for (const field of fields.filter((f) => !isEmpty(p[f]))) {
      p[field] = null;
      errors.push(`Participant.${field}: ${notConsented(records, kind)}`);
    }
  };
  if (withheld.includes("counselor")) p.counselor = null;
  if (withheld.includes("case")) refuse(CASE_RECORDS, "EMPLOYMENT_CENTER");
  if (withheld.includes("local")) refuse(["outreach", "localServices"], "LOCAL_JOB_CENTER");
  if (withheld.includes("saeil")) refuse(["saeilEnrollments"], "SAEIL_CENTER");
  // an office reads its own kind's records of its own office only
  const own = String(office);
  if (kind === "LOCAL_JOB_CENTER") {
    if (p.outreach?.localJobCenter.id !== own) p.outreach = null;
    p.localServices = p.localServices.filter((u: any) => u.localJobCenter.id === own);
  }
  if (kind === "SAEIL_CENTER") p.saeilEnrollments = p.saeilEnrollments.filter((e: any) => e.course.saeilCenter.id === own);
  if (kind === "WELFARE_PARTNER") p.welfareReferrals = p.welfareReferrals.filter((r: any) => r.partner.id === own);
  for (const referral of withheld.includes("partner") || withheld.includes("partners") ? p.welfareReferrals : []) {
    referral.partner = null;
    if (withheld.includes("partners")) errors.push(`WelfareReferral.partner: ${notConsented("WELFARE_PARTNER", kind)}`);
  }
  return { data: { participant: p }, errors: errors.sort() };
}

/** The errors of an answer as `field: reason`, each checked to be a FORBIDDEN refusal. */
function refusals(response: GraphQLResponse): string[] {
  return (response.errors ?? [])
    .map((e) => {
      expect(e.extensions?.code).toBe("FORBIDDEN");
      return `${e.extensions?.field}: ${e.extensions?.reason}`;
    })
    .sort();
}

let system: TestSystem;
/** The counsellor of 인천고용센터 with the most cases: the matrix's counsellor signs in as them. */
let counselor: number;
const people = {} as Record<Case, { id: string; offices: Partial<Record<Kind, number>> }>;
/** An office of each kind, to sign in at when the person has none of that kind (no relationship). */
const anyOffice = {} as Record<Kind, number>;

beforeAll(async () => {
  system = await startSystem();
  [{ counselor }] = await system.sql(
    "job-centers",
    "SELECT counselor_id AS counselor FROM participant WHERE employment_center_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    [CENTER],
  );
  for (const [name, criteria] of Object.entries(CASES)) {
    people[name as Case] = await pickParticipant(system, { center: CENTER, counselor }, criteria);
  }
  for (const row of await system.sql("job-centers", "SELECT office_kind, min(office_id) AS id FROM participant_link GROUP BY 1")) {
    anyOffice[row.office_kind as Kind] = row.id;
  }
});
afterAll(() => system?.stop());

/** The viewer's token, at `office` of their kind (the employment center staff at {@link CENTER}). */
function tokenOf(viewer: Viewer, office?: number): Promise<string> | null {
  if (viewer === "anonymous") return null;
  if (!isStaff(viewer)) return tokenFor(viewer);
  if (KIND[viewer] === "EMPLOYMENT_CENTER") return tokenFor(viewer, CENTER, viewer === "COUNSELOR" ? String(counselor) : undefined);
  return tokenFor(viewer, office ?? anyOffice[KIND[viewer]]);
}

const NO_PERSON = (viewer: Viewer, field: string) => [
  `${field}: ${viewer === "anonymous" ? "sign-in required" : "requires participant:read"}`,
];

describe.each(VIEWERS)("%s", (viewer) => {
  it.each(Object.keys(CASES) as Case[])("Participant360 of the %s case", async (name) => {
    const { id, offices } = people[name];
    const office = isStaff(viewer) ? (offices[KIND[viewer]] ?? anyOffice[KIND[viewer]]) : undefined;
    const response = await contract(system, "Participant360", { id }, await tokenOf(viewer, office));
    if (!isStaff(viewer)) {
      expect(response.data).toEqual({ participant: null });
      expect(refusals(response)).toEqual(NO_PERSON(viewer, "Query.participant"));
      return;
    }
    const { view, masked } = await participantView(system, id);
    const want = expected(view, masked, MATRIX[name][STAFF.indexOf(viewer)], KIND[viewer], office!);
    expect(response.data).toEqual(want.data);
    expect(refusals(response)).toEqual(want.errors);
  });

  it("Caseload: their office's people only, counted, named as they may read them", async () => {
    const PAGE = 100;
    const token = await tokenOf(viewer, caseloadOffice(viewer));
    const response = await contract(system, "Caseload", { first: PAGE }, token);
    if (!isStaff(viewer)) {
      // `participants` is non-null: refusing it empties the whole answer
      expect(response.data).toBeNull();
      expect(refusals(response)).toEqual(NO_PERSON(viewer, "Query.participants"));
      return;
    }
    const kind = KIND[viewer];
    const rows = await system.sql(
      "job-centers",
      `SELECT p.id::text, p.name, ${maskedNameSql("p.name")} AS masked, p.counselor_id, e.id::text AS center, e.name AS center_name
       FROM participant p JOIN employment_center e ON e.id = p.employment_center_id
       WHERE EXISTS (SELECT 1 FROM participant_link l WHERE l.participant_id = p.id AND l.office_kind = $1 AND l.office_id = $2)
       ORDER BY p.applied_on DESC, p.id DESC`,
      [kind, caseloadOffice(viewer)],
    );
    const page = response.data!.participants;
    expect(page.totalCount).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(1);
    expect(page.pageInfo).toEqual({ hasNextPage: rows.length > PAGE, endCursor: page.edges.at(-1).cursor });
    const name = (r: Record<string, any>) => (viewer === "COUNSELOR" && r.counselor_id !== counselor ? r.masked : r.name);
    expect(page.edges.map((e: any) => [e.node.id, e.node.name, e.node.employmentCenter])).toEqual(
      rows.slice(0, PAGE).map((r) => [r.id, name(r), { id: r.center, name: r.center_name }]),
    );
    // the other agencies' flags: refused by scope once for the operation, by consent person by person
    const errors = response.errors ?? [];
    expect(errors.every((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
    const byScope = errors.filter((e) => e.extensions?.reason === "requires welfare:read");
    expect(byScope.map((e) => [e.path, e.extensions?.field])).toEqual(
      viewer === "LOCAL_CENTER_STAFF" || viewer === "SAEIL_STAFF"
        ? [[["participants", "edges", "node", "welfareReferrals", "partner"], "WelfareReferral.partner"]]
        : [],
    );
    const byConsent = errors.filter((e) => !byScope.includes(e));
    for (const e of byConsent)
      expect(e.extensions?.reason).toMatch(new RegExp(`^the participant has not consented to share .* with ${LABEL[kind]} staff$`));
    const nodes = page.edges.map((e: any) => e.node);
    const ids: string[] = nodes.map((n: any) => n.id);
    const paths = byConsent.map((e) => withinPage(e.path!)).sort();
    expect(paths).toEqual(await caseloadRefusals(system, ids, kind));
    for (const path of paths) expect(path.split(".").reduce((value, key) => value[key], nodes)).toBeNull();
  });

  it("the directories as anyone reads them; the reports for everyone signed in", async () => {
    const token = await tokenOf(viewer);
    for (const [operation, variables] of [
      ["RegionDirectory", { code: "28" }],
      ["EmploymentCenters", { regionCode: "28" }],
      ["WelfarePartners", { regionCode: "28" }],
    ] as const) {
      const answer = await contract(system, operation, variables, token);
      expect(answer).toEqual(await contract(system, operation, variables, null));
      expect(answer.errors).toBeUndefined();
    }
    const report = await contract(system, "ProgramReport", { year: 2022 }, token);
    const center = await contract(system, "CenterYear", { id: String(CENTER), year: 2022 }, token);
    const local = await contract(system, "LocalCenterYear", { id: String(anyOffice.LOCAL_JOB_CENTER), year: 2022 }, token);
    const forbidden = (r: GraphQLResponse) =>
      (r.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => e.extensions?.field);
    if (viewer === "anonymous") {
      expect([report.data, center.data!.employmentCenter.annualStats, local.data!.localJobCenter.annualStats]).toEqual([
        { programReport: null },
        null,
        null,
      ]);
      expect([forbidden(report), forbidden(center), forbidden(local)]).toEqual([
        ["Query.programReport"],
        ["EmploymentCenter.annualStats"],
        ["LocalJobCenter.annualStats"],
      ]);
      return;
    }
    expect([forbidden(report), forbidden(center), forbidden(local)]).toEqual([[], [], []]);
    expect(report.data!.programReport.regions).toHaveLength(17);
    expect(center.data!.employmentCenter.annualStats.year).toBe(2022);
    expect(local.data!.localJobCenter.annualStats.year).toBe(2022);
  });
});

it("a counsellor's caseload filtered by their own id is all names in full; another center's is empty", async () => {
  const token = await tokenOf("COUNSELOR");
  const [{ n }] = await system.sql(
    "job-centers",
    "SELECT count(*)::int AS n FROM participant WHERE employment_center_id = $1 AND counselor_id = $2",
    [CENTER, counselor],
  );
  const mine = await contract(system, "Caseload", { filter: { counselorId: String(counselor) }, first: 100 }, token);
  expect(mine.data!.participants.totalCount).toBe(n);
  expect(n).toBeGreaterThan(0);
  const names = await system.sql("job-centers", "SELECT id::text, name FROM participant WHERE id = ANY($1::uuid[])", [
    mine.data!.participants.edges.map((e: any) => e.node.id),
  ]);
  expect(Object.fromEntries(mine.data!.participants.edges.map((e: any) => [e.node.id, e.node.name]))).toEqual(
    Object.fromEntries(names.map((r) => [r.id, r.name])),
  );
  const [{ other }] = await system.sql("job-centers", "SELECT employment_center_id::text AS other FROM participant WHERE id = $1", [
    people.otherCenter.id,
  ]);
  const elsewhere = await contract(system, "Caseload", { filter: { employmentCenterId: other } }, token);
  expect(elsewhere.data!.participants).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
});

/** An error's path within a Caseload page: `3.outreach`, `5.welfareReferrals.0.partner`. */
const withinPage = (path: (string | number)[]) =>
  path
    .slice(2)
    .filter((part) => part !== "node")
    .join(".");

/** The office whose caseload a viewer reads: the one serving the consented case of their kind. */
function caseloadOffice(viewer: Viewer): number | undefined {
  if (viewer === "LOCAL_CENTER_STAFF") return people.localConsented.offices.LOCAL_JOB_CENTER;
  if (viewer === "SAEIL_STAFF") return people.saeilConsented.offices.SAEIL_CENTER;
  if (viewer === "WELFARE_STAFF") return people.welfareConsented.offices.WELFARE_PARTNER;
  return viewer === "COUNSELOR" || viewer === "CENTER_MANAGER" ? CENTER : undefined;
}

describe("a consent given or withdrawn takes effect on the next request", () => {
  // Someone of another center and region than any test file reads, found by a local center, who never consented:
  // this file alone gives and withdraws their consent (in every agency's copy, as the workflow would) and removes it.
  const COPIES = ["job-centers", "local-job-centers", "saeil-centers", "welfare-partners"] as const;
  const given: Record<string, number[]> = {};
  let person: { id: string; offices: Partial<Record<Kind, number>> };
  let center: number;
  afterAll(() =>
    Promise.all(COPIES.map((db) => given[db] && system.sql(db, "DELETE FROM participant_consent WHERE id = ANY($1)", [given[db]]))),
  );

  /** The center's manager and the local center's staff read the person; the matrix's entries say what they get. */
  const expectSeen = async (manager: string, local: string) => {
    const { view, masked } = await participantView(system, person.id);
    for (const [viewer, entry, kind, office] of [
      ["CENTER_MANAGER", manager, "EMPLOYMENT_CENTER", center],
      ["LOCAL_CENTER_STAFF", local, "LOCAL_JOB_CENTER", person.offices.LOCAL_JOB_CENTER!],
    ] as const) {
      const response = await contract(system, "Participant360", { id: person.id }, await tokenFor(viewer, office));
      const want = expected(view, masked, entry, kind, office);
      expect(response.data).toEqual(want.data);
      expect(refusals(response)).toEqual(want.errors);
    }
  };
  const change = (assignment: string) =>
    Promise.all(COPIES.map((db) => system.sql(db, `UPDATE participant_consent SET ${assignment} WHERE id = ANY($1)`, [given[db]])));

  it("withheld before it is given and once withdrawn; shown while in force, a withdrawal to come included", async () => {
    person = await pickParticipant(system, { center: CENTER, counselor }, at({ at: "elsewhere", kinds: L }), true);
    [{ center }] = await system.sql("job-centers", "SELECT employment_center_id AS center FROM participant WHERE id = $1", [person.id]);
    await expectSeen("full local", "full partner case");

    // the general consent both ways, dated an hour from now: not in force yet
    for (const db of COPIES) {
      const rows = await system.sql(
        db,
        `INSERT INTO participant_consent (id, participant_id, viewer_kind, records_kind, given_at)
         SELECT m + k, $1, v, r, now() + interval '1 hour' FROM (SELECT coalesce(max(id), 0) AS m FROM participant_consent) x,
           (VALUES (1, 'EMPLOYMENT_CENTER', '${L}'), (2, '${L}', 'EMPLOYMENT_CENTER')) AS c(k, v, r)
         RETURNING id`,
        [person.id],
      );
      given[db] = rows.map((r) => Number(r.id));
    }
    await expectSeen("full local", "full partner case");
    await change("given_at = now() - interval '1 minute'");
    await expectSeen("full", "full partner");
    await change("withdrawn_at = now() + interval '1 hour'");
    await expectSeen("full", "full partner");
    await change("withdrawn_at = now()");
    await expectSeen("full local", "full partner case");
  });
});
