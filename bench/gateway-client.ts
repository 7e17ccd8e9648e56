import { isPolicyOutcome } from "./policy-outcomes";

/** A minimal GraphQL client for the benchmark's set-up queries (not for the measured load). */

/** A GraphQL response as the gateway sends it. */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
}

/** A gateway and the headers every request to it carries (the benchmark's `authorization`). */
export interface GatewayEndpoint {
  url: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * The headers of every benchmark request besides its content type: the counsellor's bearer token, which our gateway
 * verifies and forwards, the peer forwards, and the floor sends the subgraphs itself.
 */
export function authorizationHeaders(token: string): Readonly<Record<string, string>> {
  return { authorization: `Bearer ${token}` };
}

/**
 * Posts one operation to the gateway and returns its `data`.
 * @throws when the HTTP status is not 2xx or the response carries `errors`, so set-up fails loudly.
 */
export async function queryGateway<T>(
  gateway: GatewayEndpoint,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<T> {
  const send = () =>
    fetch(gateway.url, {
      method: "POST",
      headers: { ...gateway.headers, "content-type": "application/json" },
      body: JSON.stringify({ query, variables, operationName }),
    });
  // once more on a reset: a kept-alive socket the server closed for idling just as it was reused (set-up reads only)
  const response = await send()
    .catch((error: Error) => ((error.cause as { code?: string } | undefined)?.code === "ECONNRESET" ? send() : Promise.reject(error)))
    .catch((error: Error) => {
      const cause = (error.cause as Error | undefined)?.message;
      throw new Error(`cannot reach the gateway at ${gateway.url}: ${cause ?? error.message}`);
    });
  const text = await response.text();
  // a 401 is the token (expired, signed with other keys): say so rather than leave it to the body
  if (response.status === 401) throw new Error(`gateway refused the benchmark's token (401): ${text.slice(0, 300)}`);
  if (!response.ok) throw new Error(`gateway answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as GraphQLResponse<T>;
  const failures = (body.errors ?? []).filter((error) => !isPolicyOutcome(error));
  if (failures.length) throw new Error(`gateway errors: ${failures.map((e) => e.message).join("; ")}`);
  if (body.data == null) throw new Error("gateway answered without data");
  return body.data;
}
