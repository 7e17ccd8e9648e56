import { GraphQLError } from "graphql";
import { TokenError } from "./verify-token";
import { ANONYMOUS, type User, type Viewer } from "./viewer";

/** What a verified request carries on: who is calling, and the header to pass on to the subgraphs. */
export interface Caller {
  viewer: Viewer;
  /** The `Authorization` header as received, when it held a valid token. */
  authorization?: string;
}

/**
 * The caller of an HTTP request: anonymous without an `Authorization` header, the user of a valid bearer token,
 * and otherwise an `UNAUTHENTICATED` error (HTTP 401) saying what is wrong with the token, never what it holds.
 * A bad token is refused outright rather than treated as anonymous, so a client notices its expired session.
 */
export async function callerOf(header: string | undefined, verify: (token: string) => Promise<User>): Promise<Caller> {
  if (header === undefined || header.trim() === "") return { viewer: ANONYMOUS };
  const token = /^Bearer +([A-Za-z0-9._~+/=-]+)$/.exec(header.trim())?.[1];
  try {
    if (!token) throw new TokenError("MALFORMED", "The Authorization header must be `Bearer <token>`.");
    return { viewer: await verify(token), authorization: `Bearer ${token}` };
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: {
        code: "UNAUTHENTICATED",
        reason: error.problem,
        http: { status: 401 },
      },
    });
  }
}
