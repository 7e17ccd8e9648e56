import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A service that is listening, as tests and the launcher hold it. */
export interface RunningService {
  /** `http://127.0.0.1:PORT/graphql` */
  url: string;
  port: number;
  /** Stops accepting requests, lets the ones in flight finish, and releases what the service holds. */
  stop(): Promise<void>;
}

/** How to reach, from this machine, a server bound to `host`: a wildcard bind is reached on loopback. */
export function reachableHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** Listens on `port` (0 picks a free one), resolves once bound, and returns the bound port and its GraphQL URL. */
export function listen(server: Server, port: number, host: string): Promise<{ port: number; url: string }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({ port: bound, url: `http://${reachableHost(host)}:${bound}/graphql` });
    });
  });
}
