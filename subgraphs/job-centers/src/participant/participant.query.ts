import type { DataSource, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { decodeCursor, encodeCursor, isIsoDate, isUuid, pageSize, toPage } from "@lib/graphql/pagination";
import { Participant } from "./participant.entity";
import type { ParticipantFilter } from "./participant.filter";
import type { ParticipantConnection } from "./participant.connection";
import type { Viewer } from "@lib/auth/viewer";
import { limitToVisible } from "./participant.visibility";

type ParticipantCursor = [appliedOn: string, id: string];

export const participantCursor = (p: Participant): string => encodeCursor([p.appliedOn, p.id]);

/**
 * The filtered set as a query builder, or null when a filter id cannot match anything (an id of the wrong shape is
 * "no such record", which is an empty list, not an error).
 */
function filtered(db: DataSource, viewer: Viewer, filter: ParticipantFilter | null | undefined): SelectQueryBuilder<Participant> | null {
  const qb = db.getRepository(Participant).createQueryBuilder("p");
  // rows the viewer may not see are not in the set at all: not listed, not counted in totalCount
  limitToVisible(qb, viewer);
  if (!filter) return qb;
  if (filter.appliedFrom && filter.appliedTo && filter.appliedFrom > filter.appliedTo) {
    throw badUserInput(`"appliedFrom" (${filter.appliedFrom}) is after "appliedTo" (${filter.appliedTo}).`, "filter");
  }
  if (filter.employmentCenterId != null) {
    const id = parseIntId(filter.employmentCenterId);
    if (id === null) return null;
    qb.andWhere("p.employment_center_id = :centerId", { centerId: id });
  }
  if (filter.counselorId != null) {
    const id = parseIntId(filter.counselorId);
    if (id === null) return null;
    qb.andWhere("p.counselor_id = :counselorId", { counselorId: id });
  }
  if (filter.regionCode != null) qb.andWhere("p.region_code = :regionCode", { regionCode: filter.regionCode });
  if (filter.stage != null) qb.andWhere("p.stage = :stage", { stage: filter.stage });
  if (filter.track != null) qb.andWhere("p.track = :track", { track: filter.track });
  if (filter.appliedFrom != null) qb.andWhere("p.applied_on >= :appliedFrom", { appliedFrom: filter.appliedFrom });
  if (filter.appliedTo != null) qb.andWhere("p.applied_on <= :appliedTo", { appliedTo: filter.appliedTo });
  return qb;
}

export interface ParticipantPageArgs {
  filter?: ParticipantFilter | null;
  first?: number | null;
  after?: string | null;
}

/**
 * One page, newest application first, keyset-paginated on (applied_on, id) so cursors stay valid while new
 * applications arrive. `totalCount` is a getter: the count runs only when a client asks for it.
 */
export async function participantPage(db: DataSource, viewer: Viewer, args: ParticipantPageArgs): Promise<ParticipantConnection> {
  const limit = pageSize(args.first);
  const after = args.after != null ? decodeCursor<ParticipantCursor>(args.after, [isIsoDate, isUuid]) : null;
  const base = filtered(db, viewer, args.filter);
  if (base === null) {
    return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  }
  const countQuery = base.clone();
  if (after) base.andWhere("(p.applied_on, p.id) < (:afterOn, :afterId)", { afterOn: after[0], afterId: after[1] });
  const rows = await base
    .orderBy("p.applied_on", "DESC")
    .addOrderBy("p.id", "DESC")
    .limit(limit + 1)
    .getMany();
  let count: Promise<number> | undefined;
  return {
    ...toPage(rows, limit, participantCursor),
    get totalCount() {
      count ??= countQuery.getCount();
      return count;
    },
  };
}
