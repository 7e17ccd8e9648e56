import { queryGateway, type GatewayEndpoint } from "./gateway-client";

/** Identifiers the workloads draw their variables from, read through the gateway before the measured rounds. */
export interface Fixtures {
  /** Participants in the data set (`participants { totalCount }`). */
  participantCount: number;
  /** Up to `maxParticipantIds` participant ids, newest applications first. */
  participantIds: string[];
  /** The employment centers of those participants: the ones whose caseload the token's holder reads. */
  caseloadCenterIds: string[];
  employmentCenterIds: string[];
  regionCodes: string[];
  /** Program years the report is asked for. */
  reportYears: number[];
  /**
   * With `--baseline`: counsellors of the token's center, one per Caseload request, so that concurrent requests are
   * not all the same one (a gateway may answer identical in-flight requests with one subgraph call).
   */
  counselorIds?: string[];
}

const PAGE = `query BenchParticipantIds($after: String) {
  participants(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id employmentCenter { id } } }
  }
}`;

interface Page {
  participants: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; employmentCenter: { id: string } } }>;
  };
}

/**
 * Reads the fixtures through the gateway, with the benchmark's token (the same reader as the rounds): participant
 * ids in pages of 100 (at most `maxParticipantIds`) with their employment centers, every employment center and every
 * region.
 */
export async function loadFixtures(gateway: GatewayEndpoint, maxParticipantIds = 2000): Promise<Fixtures> {
  const participantIds: string[] = [];
  const caseloadCenterIds = new Set<string>();
  let participantCount: number;
  let after: string | null = null;
  do {
    const page: Page = await queryGateway<Page>(gateway, PAGE, { after });
    participantCount = page.participants.totalCount;
    for (const edge of page.participants.edges) {
      participantIds.push(edge.node.id);
      caseloadCenterIds.add(edge.node.employmentCenter.id);
    }
    after = page.participants.pageInfo.hasNextPage ? page.participants.pageInfo.endCursor : null;
  } while (after && participantIds.length < maxParticipantIds);

  const directory = await queryGateway<{ employmentCenters: Array<{ id: string }>; regions: Array<{ code: string }> }>(
    gateway,
    "query BenchDirectory { employmentCenters { id } regions { code } }",
  );
  const fixtures: Fixtures = {
    participantCount,
    participantIds: participantIds.slice(0, maxParticipantIds),
    caseloadCenterIds: [...caseloadCenterIds],
    employmentCenterIds: directory.employmentCenters.map((center) => center.id),
    regionCodes: directory.regions.map((region) => region.code),
    reportYears: [2021, 2022, 2023],
  };
  for (const [name, list] of Object.entries(fixtures)) {
    if (Array.isArray(list) && list.length === 0) throw new Error(`no ${name} found: is the database seeded?`);
  }
  return fixtures;
}
