import { Init1732492800000 } from "./1732492800000-init";
import { CenterYearFigures1732579200000 } from "./1732579200000-center-year-figures";

/** Every migration of this subgraph, oldest first. */
export const migrations = [Init1732492800000, CenterYearFigures1732579200000];
