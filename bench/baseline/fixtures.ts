import { decodeJwt } from "jose";
import type { Fixtures } from "../fixtures";
import { queryGateway, type GatewayEndpoint } from "../gateway-client";

/**
 * The baseline's fixtures, read from the baseline itself and chosen as ours are, so that both get alike requests.
 * Ours come through our gateway with a counsellor's token: Participant360 draws from the participants the counsellor
 * sees (their employment center's, newest applications first). The baseline has no identity and ignores the token,
 * so the same center is asked for by its filter. Caseload asks for that one center on both (ours would answer an
 * empty page for another center, which would make the comparison unequal), each request for one of the center's
 * counsellors (`counselorId`), so that concurrent requests differ as different counsellors' would (identical ones
 * in flight together are answered with one subgraph call by the baseline's gateway and the peer, never by ours,
 * which logs every read); the report years and the regions are the same lists.
 */

/** The employment center of the token's holder (`org`), read without verifying: the gateway verifies it. */
export function centerOfToken(token: string): string {
  const org = decodeJwt(token).org;
  if (typeof org !== "string" && typeof org !== "number") throw new Error("--baseline needs a staff token with an office (org claim)");
  return String(org);
}

const CENTER_PAGE = `query BenchBaselineParticipants($after: String, $center: ID) {
  participants(first: 100, after: $after, filter: { employmentCenterId: $center }) {
    pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}`;

interface CenterPage {
  participants: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> };
}

/** The baseline's participants of `center`, in its order (newest applications first), at most `max`. */
async function centerParticipantIds(baseline: GatewayEndpoint, center: string, max: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: CenterPage = await queryGateway<CenterPage>(baseline, CENTER_PAGE, { after, center });
    for (const edge of page.participants.edges) ids.push(edge.node.id);
    after = page.participants.pageInfo.hasNextPage ? page.participants.pageInfo.endCursor : null;
  } while (after && ids.length < max);
  return ids.slice(0, max);
}

const CENTER_COUNSELORS = `query BenchBaselineCounselors($after: String, $center: ID) {
  participants(first: 100, after: $after, filter: { employmentCenterId: $center }) {
    pageInfo { hasNextPage endCursor } edges { node { counselor { id } } }
  }
}`;

interface CounselorPage {
  participants: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { counselor: { id: string } | null } }>;
  };
}

/** The counsellors in charge of `center`'s participants (its first 500 by the list's order), by id. */
export async function centerCounselorIds(gateway: GatewayEndpoint, center: string): Promise<string[]> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (let page = 0; page < 5; page++) {
    const result: CounselorPage = await queryGateway<CounselorPage>(gateway, CENTER_COUNSELORS, { after, center });
    for (const edge of result.participants.edges) if (edge.node.counselor) ids.add(edge.node.counselor.id);
    after = result.participants.pageInfo.hasNextPage ? result.participants.pageInfo.endCursor : null;
    if (!after) break;
  }
  return [...ids].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}

/**
 * Both sides' lists cut to the same length, so that a round's seeded sequence picks the same positions on each:
 * participant ids (each side its own, usually the same ids when both were seeded alike), regions common to both in
 * our order, Caseload's one center and the counsellors both have there.
 */
export function alignFixtures(ours: Fixtures, baseline: Fixtures, center: string): { ours: Fixtures; baseline: Fixtures } {
  const ids = Math.min(ours.participantIds.length, baseline.participantIds.length);
  const regions = ours.regionCodes.filter((code) => baseline.regionCodes.includes(code));
  const years = ours.reportYears.filter((year) => baseline.reportYears.includes(year));
  if (ids === 0) throw new Error(`no participants of employment center ${center} on one side: are both seeded?`);
  const counselorIds = (ours.counselorIds ?? []).filter((id) => baseline.counselorIds?.includes(id));
  const aligned = (side: Fixtures): Fixtures => ({
    ...side,
    participantIds: side.participantIds.slice(0, ids),
    employmentCenterIds: [center],
    caseloadCenterIds: [center],
    regionCodes: regions,
    reportYears: years,
    ...(counselorIds.length ? { counselorIds } : {}),
  });
  return { ours: aligned(ours), baseline: aligned(baseline) };
}

/**
 * Our fixtures and the baseline's for the same counsellor's center: the baseline's read through its gateway
 * (`participants` filtered by the center, `employmentCenters`, `regions`).
 */
export async function fixturesWithBaseline(
  ours: Fixtures,
  token: string,
  baseline: GatewayEndpoint,
  oursEndpoint: GatewayEndpoint,
): Promise<{ ours: Fixtures; baseline: Fixtures; center: string }> {
  const center = centerOfToken(token);
  if (!ours.employmentCenterIds.includes(center)) throw new Error(`employment center ${center} of the token is not in our directory`);
  const directory = await queryGateway<{
    employmentCenters: Array<{ id: string }>;
    regions: Array<{ code: string }>;
    participants: { totalCount: number };
  }>(baseline, "query BenchBaselineDirectory { employmentCenters { id } regions { code } participants(first: 1) { totalCount } }");
  if (!directory.employmentCenters.some((c) => c.id === center)) throw new Error(`the baseline has no employment center ${center}`);
  const theirs: Fixtures = {
    participantCount: directory.participants.totalCount,
    participantIds: await centerParticipantIds(baseline, center, ours.participantIds.length),
    employmentCenterIds: directory.employmentCenters.map((c) => c.id),
    caseloadCenterIds: [center],
    regionCodes: directory.regions.map((r) => r.code),
    reportYears: ours.reportYears,
  };
  const withCounselors = { ...ours, counselorIds: await centerCounselorIds(oursEndpoint, center) };
  theirs.counselorIds = await centerCounselorIds(baseline, center);
  return { ...alignFixtures(withCounselors, theirs, center), center };
}
