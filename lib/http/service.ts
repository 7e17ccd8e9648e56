import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A service that is listening, as tests and the launcher hold it. */
export interface RunningService {
  /** `http://127.0.0.1:PORT/graphql` */
  url: string;
  port: number;
  /** Stops accepting requests, lets the ones in flight finish, and releases the database pool. */
  stop(): Promise<void>;
}

/** Listens on `port` (0 picks a free one) and resolves once bound. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
