import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { ExpressContextFunctionArgument } from "@as-integrations/express5";
import type { Request, Response } from "express";
import type { FormattedExecutionResult } from "graphql";

/** An operation's answer as a client of `POST /graphql` would get it: HTTP status, headers and JSON body. */
export interface InProcessAnswer {
  status: number;
  headers: HeaderMap;
  result: FormattedExecutionResult;
}

/** Runs one operation for the caller of an HTTP request other than `/graphql` (the CSV export). */
export type InProcessGraphQL = (
  req: Request,
  res: Response,
  operation: { query: string; variables: Record<string, unknown>; operationName: string },
) => Promise<InProcessAnswer>;

/**
 * Runs an operation through the gateway's own Apollo Server, as `POST /graphql` would with the caller's
 * `Authorization` header: the same context function (who is calling, the rate limit, the request's trace), the same
 * validation, limits, plan, access rules, suppression and report cache. Only the HTTP round trip is skipped; it is
 * what `expressMiddleware` does with a request's body.
 */
export function inProcessGraphQL<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: (argument: ExpressContextFunctionArgument) => Promise<C>,
): InProcessGraphQL {
  return async (req, res, operation) => {
    const headers = new HeaderMap([["content-type", "application/json"]]);
    if (req.headers.authorization !== undefined) headers.set("authorization", req.headers.authorization);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: operation },
      context: () => context({ req, res }),
    });
    // a query's answer is always complete; only incremental delivery (@defer), which no report uses, streams
    if (answer.body.kind !== "complete") throw new Error("a streamed GraphQL answer where a complete one was expected");
    return { status: answer.status ?? 200, headers: answer.headers, result: JSON.parse(answer.body.string) as FormattedExecutionResult };
  };
}
