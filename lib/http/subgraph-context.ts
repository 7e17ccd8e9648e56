import type { DataSource } from "typeorm";
import type { ParticipantReads } from "@lib/audit/participant-reads";
import type { RequestTrace } from "@lib/audit/request-trace";
import type { Viewer } from "@lib/auth/viewer";
import type { OwnerClient } from "@lib/mutation/ask-owner";

/** The context of one subgraph request: its database, its fresh loaders, and who is calling. */
export interface SubgraphContext<Loaders = unknown> {
  db: DataSource;
  /** This subgraph's name, as its access-log rows record it. */
  subgraph: string;
  loaders: Loaders;
  /** The user of the forwarded token (verified here again), or anonymous. */
  viewer: Viewer;
  /** The call came through the gateway (it presented the gateway's credential). */
  viaGateway: boolean;
  /** The request's id, the client's address and operation, as the access log records them (lib/audit/request-trace.ts). */
  trace: RequestTrace;
  /** The participants this request has read so far; written to the access log when the response is sent. */
  participantReads: ParticipantReads;
  /** How this request asks job-centers, the owner of the participants, about one (lib/mutation/ask-owner.ts). */
  jobCenters: OwnerClient;
}
