import { accessLogFilterOf } from "@lib/audit/access-log-filter";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { AccessLog } from "./access-log.entity";

/** `_entities` for AccessLog: the filter its id encodes; an id no filter gives is refused for that entry alone. */
export const accessLogReference = {
  __resolveReference(ref: { id: unknown }): Promise<AccessLog> {
    const filter = accessLogFilterOf(ref.id);
    if (filter === null) return Promise.reject(malformedKeyError("AccessLog", "id", ref.id, "an id returned by Query.accessLog"));
    return Promise.resolve({ id: ref.id as string, filter });
  },
};
