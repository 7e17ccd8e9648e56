import { Init1732492800000 } from "./1732492800000-init";
import { PartnerYearFigures1732579200000 } from "./1732579200000-partner-year-figures";

/** Every migration of this subgraph, oldest first. */
export const migrations = [Init1732492800000, PartnerYearFigures1732579200000];
