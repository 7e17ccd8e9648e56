import { Init1732492800000 } from "./1732492800000-init";
import { CenterYearFigures1732579200000 } from "./1732579200000-center-year-figures";
import { ParticipantAccess1732665600000 } from "./1732665600000-participant-access";
import { AccessLog1732752000000 } from "./1732752000000-access-log";
import { Outbox1732924800000 } from "./1732924800000-outbox";
import { EventDelivery1733097600000 } from "./1733097600000-event-delivery";
import { FiguresVersion1733184000000 } from "./1733184000000-figures-version";
import { SaeilWorkflow1733356800000 } from "./1733356800000-saeil-workflow";
import { AccessLogChains1733443200000 } from "./1733443200000-access-log-chains";
import { FiguresVersionShards1733529600000 } from "./1733529600000-figures-version-shards";

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  Init1732492800000,
  CenterYearFigures1732579200000,
  ParticipantAccess1732665600000,
  AccessLog1732752000000,
  Outbox1732924800000,
  EventDelivery1733097600000,
  FiguresVersion1733184000000,
  SaeilWorkflow1733356800000,
  AccessLogChains1733443200000,
  FiguresVersionShards1733529600000,
];
