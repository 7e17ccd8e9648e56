import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/**
 * What ties a subgraph's access-log entry to the gateway's request log: the request's id, the client's address, and
 * the client's operation (its name and the sha256 of its text, as automatic persisted queries hash it). The gateway
 * sends them to every subgraph; a subgraph believes the address and the operation only from a caller that presented
 * the gateway's credential, since anyone else could name any address. A request id is a correlation handle, not a
 * claim: a well-formed one is kept from any caller.
 */
export const REQUEST_ID_HEADER = "x-request-id";
export const CLIENT_ADDRESS_HEADER = "x-njsp-client-address";
export const OPERATION_NAME_HEADER = "x-njsp-operation-name";
export const OPERATION_HASH_HEADER = "x-njsp-operation-hash";

/** Every header of the trace: what the gateway's in-flight sharing leaves out of its key for calls it may share. */
export const TRACE_HEADERS = [REQUEST_ID_HEADER, CLIENT_ADDRESS_HEADER, OPERATION_NAME_HEADER, OPERATION_HASH_HEADER] as const;

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
// IPv4, IPv6 and IPv4-mapped IPv6 as Node prints them; anything else is not an address
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The client's operation: its name (null for an anonymous one) and the sha256 hex of its text. */
export interface TracedOperation {
  name: string | null;
  hash: string;
}

export interface RequestTrace {
  requestId: string;
  clientAddress: string;
  /** As the gateway forwarded it; null for a direct caller (the subgraph then names its own operation). */
  operation: TracedOperation | null;
}

/** A well-formed incoming id (8–64 letters, digits, dashes), or a new UUID. */
export function requestIdOf(header: unknown): string {
  return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

export function isClientAddress(value: unknown): value is string {
  return typeof value === "string" && ADDRESS.test(value);
}

/** The operation as a header pair, when it is one: a name the GraphQL grammar allows and a sha256 in hex. */
export function tracedOperationOf(name: unknown, hash: unknown): TracedOperation | null {
  if (typeof hash !== "string" || !SHA256_HEX.test(hash)) return null;
  return { name: typeof name === "string" && OPERATION_NAME.test(name) ? name : null, hash };
}

/** The trace of a request a subgraph serves; `viaGateway`: the caller presented the gateway's credential. */
export function subgraphRequestTrace(headers: IncomingHttpHeaders, viaGateway: boolean, socketAddress: string | undefined): RequestTrace {
  const forwarded = viaGateway ? headers[CLIENT_ADDRESS_HEADER] : undefined;
  return {
    requestId: requestIdOf(headers[REQUEST_ID_HEADER]),
    clientAddress: isClientAddress(forwarded) ? forwarded : (socketAddress ?? "unknown"),
    operation: viaGateway ? tracedOperationOf(headers[OPERATION_NAME_HEADER], headers[OPERATION_HASH_HEADER]) : null,
  };
}

/** The headers the gateway sends a subgraph for one request. */
export function traceHeaders(trace: RequestTrace): Record<string, string> {
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: trace.requestId, [CLIENT_ADDRESS_HEADER]: trace.clientAddress };
  if (trace.operation) {
    headers[OPERATION_HASH_HEADER] = trace.operation.hash;
    if (trace.operation.name) headers[OPERATION_NAME_HEADER] = trace.operation.name;
  }
  return headers;
}
