import type { DataSource } from "typeorm";
import type { Viewer } from "@lib/auth/viewer";

/** The context of one subgraph request: its database, its fresh loaders, and who is calling. */
export interface SubgraphContext<Loaders = unknown> {
  db: DataSource;
  loaders: Loaders;
  /** The user of the forwarded token (verified here again), or anonymous. */
  viewer: Viewer;
  /** The call came through the gateway (it presented the gateway's credential). */
  viaGateway: boolean;
}
