/** A minimal GraphQL client for the benchmark's set-up queries (not for the measured load). */

/** A GraphQL response as the gateway sends it. */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

/**
 * Posts one operation to the gateway and returns its `data`.
 * @throws when the HTTP status is not 2xx or the response carries `errors`, so set-up fails loudly.
 */
export async function queryGateway<T>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables, operationName }),
  }).catch((error: Error) => {
    const cause = (error.cause as Error | undefined)?.message;
    throw new Error(`cannot reach the gateway at ${gatewayUrl}: ${cause ?? error.message}`);
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`gateway answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as GraphQLResponse<T>;
  if (body.errors?.length) throw new Error(`gateway errors: ${body.errors.map((e) => e.message).join("; ")}`);
  if (body.data == null) throw new Error("gateway answered without data");
  return body.data;
}
