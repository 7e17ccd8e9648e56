import { Init1732492800000 } from "./1732492800000-init";
import { CenterYearFigures1732579200000 } from "./1732579200000-center-year-figures";
import { ParticipantAccess1732665600000 } from "./1732665600000-participant-access";
import { AccessLog1732752000000 } from "./1732752000000-access-log";
import { Workflow1732838400000 } from "./1732838400000-workflow";
import { Outbox1732924800000 } from "./1732924800000-outbox";
import { EventDelivery1733097600000 } from "./1733097600000-event-delivery";
import { FiguresVersion1733184000000 } from "./1733184000000-figures-version";
import { CaseWork1733270400000 } from "./1733270400000-case-work";
import { BreakdownFigures1733443200000 } from "./1733443200000-breakdown-figures";
import { AccessLogChains1733443200000 } from "./1733443200000-access-log-chains";
import { FiguresVersionShards1733529600000 } from "./1733529600000-figures-version-shards";
import { BreakdownMedians1733616000000 } from "./1733616000000-breakdown-medians";

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  Init1732492800000,
  CenterYearFigures1732579200000,
  ParticipantAccess1732665600000,
  AccessLog1732752000000,
  Workflow1732838400000,
  Outbox1732924800000,
  EventDelivery1733097600000,
  FiguresVersion1733184000000,
  CaseWork1733270400000,
  BreakdownFigures1733443200000,
  AccessLogChains1733443200000,
  FiguresVersionShards1733529600000,
  BreakdownMedians1733616000000,
];
