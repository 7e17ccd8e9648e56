import { GraphQLError } from "graphql";
import { GATEWAY_CREDENTIAL_HEADER } from "@lib/auth/gateway-credential";
import { REQUEST_ID_HEADER } from "@lib/audit/request-trace";
import { SUBGRAPH_UNAVAILABLE } from "@lib/graphql/error-codes";

/** Where job-centers listens when nothing says otherwise (`JOB_CENTERS_URL`; the launcher's default port). */
export const DEFAULT_JOB_CENTERS_URL = "http://127.0.0.1:4001/graphql";

/** How long a write waits for the owner's answer: a write refused now beats a write hanging. */
export const ASK_OWNER_TIMEOUT_MS = 3_000;

/** What one request needs to ask job-centers on its caller's behalf. */
export interface OwnerClient {
  url: string;
  /** The gateway's credential: job-centers serves subgraph-to-subgraph calls as it serves the gateway's. */
  gatewaySecret: string;
  /** The caller's own `Authorization` header: job-centers applies its rules to the same person. */
  authorization: string | undefined;
  /** Ties job-centers' access-log entry to this request. */
  requestId: string;
}

/**
 * A participant another agency does not know is refused by asking the owner, job-centers, never a copied table: the
 * caller's token is forwarded, so job-centers answers exactly what it would answer that person. Asked inside a
 * write, before its transaction, with a short timeout; an owner that does not answer refuses the write
 * (SUBGRAPH_UNAVAILABLE: nothing was written, retry later) rather than letting it through unchecked.
 */
export async function askOwner<T>(owner: OwnerClient, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(owner.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [GATEWAY_CREDENTIAL_HEADER]: owner.gatewaySecret,
        [REQUEST_ID_HEADER]: owner.requestId,
        ...(owner.authorization ? { authorization: owner.authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(ASK_OWNER_TIMEOUT_MS),
    });
  } catch {
    throw ownerUnavailable();
  }
  const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: Array<{ message: string }> } | null;
  if (!response.ok || !body?.data) throw ownerUnavailable();
  return body.data;
}

/** The query the agencies ask: does job-centers know this participant (a yes or no, nothing about the person)? */
export const PARTICIPANT_EXISTS = `query ParticipantExists($id: ID!) { participantExists(id: $id) }`;

/** Whether job-centers knows a participant with this id (an open or closed case). */
export async function participantExists(owner: OwnerClient, id: string): Promise<boolean> {
  const data = await askOwner<{ participantExists: boolean }>(owner, PARTICIPANT_EXISTS, { id });
  return data.participantExists === true;
}

function ownerUnavailable(): GraphQLError {
  return new GraphQLError("The employment centers' records could not be asked about this participant; nothing was written. Retry.", {
    extensions: { code: SUBGRAPH_UNAVAILABLE, service: "job-centers" },
  });
}
