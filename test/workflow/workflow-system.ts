import { randomUUID } from "node:crypto";
import { startSystem, type GraphQLResponse, type TestSystem } from "../support/system";
import { scratchDatabases } from "../support/scratch-databases";
import { tokenFor } from "../support/test-auth";
import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";

/**
 * The platform over databases of the workflow tests' own (they write), and the people who work in it: a counsellor of
 * the employment center with the most 2023 applications (so its yearly figures are large enough to be shown, not
 * suppressed), a colleague of theirs, the center's manager, and a counsellor of another center.
 */
export interface WorkflowSystem {
  system: TestSystem;
  center: { id: number; regionCode: string };
  tokens: {
    counselor: string;
    colleague: string;
    manager: string;
    otherCenter: string;
    analyst: string;
    localStaff: string;
    /** Staff of welfare partner `offices.partner`, of another partner, of Saeil center `offices.saeil`, of another local center. */
    partnerStaff: string;
    otherPartnerStaff: string;
    saeilStaff: string;
    otherLocalStaff: string;
  };
  /** Offices of the other agencies the tests write at: welfare partners, a Saeil center, local job centers. */
  offices: { partner: number; otherPartner: number; saeil: number; local: number; otherLocal: number };
  counselorId: number;
  mutate(mutation: string, input: Record<string, unknown>, token?: string): Promise<GraphQLResponse>;
}

export const PARTICIPANT_FIELDS = "id name stage track version appliedOn eligibilityDecidedOn";

/** The fields each mutation's test reads back, for mutations that return something other than the participant. */
const RETURNED: Record<string, string> = {
  recordCounselingSession: "id heldOn mode topic",
  payAllowance: "month amountWon paidOn",
  recordPlacement: "id referredOn employerName occupation result",
  recordPlacementResult: "id referredOn employerName occupation result",
  recordJobSearchActivity: "id kind doneOn description",
  signUpWorkExperienceHost: "id name signedUpOn",
  recordWorkExperience: "companyName startedOn endedOn",
};

/** `events`: the agencies' events travel service to service (the embedded default) instead of not at all. */
export async function startWorkflowSystem(name: string, events = false): Promise<WorkflowSystem> {
  const peers: Partial<Record<SubgraphName, string>> = {};
  const system = await startSystem({ urls: await scratchDatabases(name), events: events ? () => ({ kind: "peers", peers }) : undefined });
  for (const subgraph of SUBGRAPH_NAMES) peers[subgraph] = system.subgraphs[subgraph].url;
  const [center] = await system.sql<{ id: number; region_code: string }>(
    "job-centers",
    `SELECT p.employment_center_id AS id, p.region_code, count(*) AS n FROM participant p
     WHERE p.applied_on >= '2023-01-01' AND EXISTS (SELECT 1 FROM counselor c WHERE c.employment_center_id = p.employment_center_id)
     GROUP BY 1, 2 ORDER BY n DESC, id LIMIT 1`,
  );
  const counselors = await system.sql<{ id: number }>(
    "job-centers",
    "SELECT id FROM counselor WHERE employment_center_id = $1 ORDER BY id LIMIT 2",
    [center.id],
  );
  const [other] = await system.sql<{ id: number; center: number }>(
    "job-centers",
    "SELECT id, employment_center_id AS center FROM counselor WHERE employment_center_id <> $1 LIMIT 1",
    [center.id],
  );
  const partners = await system.sql<{ id: number }>("welfare-partners", "SELECT id FROM welfare_partner ORDER BY id LIMIT 2");
  const [saeil] = await system.sql<{ id: number }>("saeil-centers", "SELECT id FROM saeil_center ORDER BY id LIMIT 1");
  const locals = await system.sql<{ id: number }>("local-job-centers", "SELECT id FROM local_job_center ORDER BY id LIMIT 2");
  const offices = { partner: partners[0].id, otherPartner: partners[1].id, saeil: saeil.id, local: locals[0].id, otherLocal: locals[1].id };
  const tokens = {
    counselor: await tokenFor("COUNSELOR", center.id, String(counselors[0].id)),
    colleague: await tokenFor("COUNSELOR", center.id, String(counselors[1].id)),
    manager: await tokenFor("CENTER_MANAGER", center.id, "manager-workflow"),
    otherCenter: await tokenFor("COUNSELOR", other.center, String(other.id)),
    analyst: await tokenFor("ANALYST", null, "analyst-workflow"),
    localStaff: await tokenFor("LOCAL_CENTER_STAFF", 1, "local-workflow"),
    partnerStaff: await tokenFor("WELFARE_STAFF", offices.partner, "welfare-workflow"),
    otherPartnerStaff: await tokenFor("WELFARE_STAFF", offices.otherPartner, "welfare-other-workflow"),
    saeilStaff: await tokenFor("SAEIL_STAFF", offices.saeil, "saeil-workflow"),
    otherLocalStaff: await tokenFor("LOCAL_CENTER_STAFF", offices.otherLocal, "local-other-workflow"),
  };
  return {
    system,
    center: { id: center.id, regionCode: center.region_code },
    tokens,
    offices,
    counselorId: counselors[0].id,
    mutate: (mutation, input, token = tokens.counselor) => {
      const returned = RETURNED[mutation] ?? PARTICIPANT_FIELDS;
      return system.query(
        `mutation ($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${returned} } }`,
        { input },
        undefined,
        token,
      );
    },
  };
}

const inputType = (mutation: string) => `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;

/** A fresh idempotency key, as a client makes one per new request. */
export const key = () => randomUUID();

/** An application at the workflow center, taken by its counsellor; `overrides` change any field. */
export function application(ws: WorkflowSystem, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: key(),
    name: "나새봄",
    birthYear: 1995,
    gender: "FEMALE",
    requestedTrack: "TYPE_I_REQUIREMENT",
    regionCode: ws.center.regionCode,
    employmentCenterId: String(ws.center.id),
    appliedOn: "2023-11-01",
    consents: [
      { viewerKind: "LOCAL_JOB_CENTER", recordsKind: "EMPLOYMENT_CENTER" },
      { viewerKind: "EMPLOYMENT_CENTER", recordsKind: "WELFARE_PARTNER" },
    ],
    ...overrides,
  };
}

/** The codes and fields of a response's errors, as a person reading them would act on them. */
export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((e) => ({
    code: e.extensions?.code as unknown,
    argumentName: e.extensions?.argumentName as unknown,
    message: e.message,
  }));

/**
 * The last outbox event and access-log row of one agency before a test file writes: the scratch databases keep both
 * across runs (as production keeps them), so a file's expectations read only the rows after these.
 */
export async function highWaterMarks(ws: WorkflowSystem, subgraph: SubgraphName): Promise<{ event: number; log: number }> {
  const [row] = await ws.system.sql<{ event: number; log: number }>(
    subgraph,
    "SELECT (SELECT coalesce(max(id), 0) FROM outbox_event)::int AS event, (SELECT coalesce(max(id), 0) FROM access_log)::int AS log",
  );
  return row;
}
