import { Init1732492800000 } from "./1732492800000-init";

/** Every migration of this subgraph, oldest first. */
export const migrations = [Init1732492800000];
