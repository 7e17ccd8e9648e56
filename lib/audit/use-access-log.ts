import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import type { Logger } from "@lib/log/logger";
import type { AccessEntry, TracedOperation } from "./access-log-row";
import type { AccessLogWriter } from "./access-log-writer";

/**
 * Writes the access log of one request: when the response is about to be sent, and only if the request read a
 * participant, one row naming every participant read (`access_log_append`, which chains the row's hash in the
 * database), through the process's {@link AccessLogWriter}, which groups the rows of concurrent requests into one
 * statement. Awaited, so a read is logged before its answer leaves; if the row cannot be written, the answer is
 * withheld: data the log does not record is not given out.
 */
export function useAccessLog(
  subgraph: string,
  logger: Pick<Logger, "error">,
  writer: AccessLogWriter,
): ApolloServerPlugin<SubgraphContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse(requestContext) {
          const { contextValue } = requestContext;
          if (contextValue.participantReads.size === 0) return;
          const entry: AccessEntry = {
            action: "READ",
            subgraph,
            viewer: contextValue.viewer,
            trace: contextValue.trace,
            operation: contextValue.trace.operation ?? ownOperation(requestContext),
            participantIds: contextValue.participantReads.ids(),
          };
          try {
            await writer.append(entry);
          } catch (error) {
            // the code only: a driver's message may quote the values of the row
            const code = (error as { code?: unknown }).code;
            const shown = typeof code === "string" ? code : "no code";
            logger.error({ requestId: contextValue.trace.requestId, code: shown }, `${subgraph}: access log not written`);
            withhold(requestContext);
          }
        },
      });
    },
  };
}

/** A direct caller's operation, as this subgraph received it. */
function ownOperation(requestContext: GraphQLRequestContextWillSendResponse<SubgraphContext>): TracedOperation {
  const hash =
    requestContext.queryHash ??
    createHash("sha256")
      .update(requestContext.source ?? "")
      .digest("hex");
  return { name: requestContext.operationName ?? null, hash };
}

function withhold(requestContext: GraphQLRequestContextWillSendResponse<SubgraphContext>): void {
  const { body } = requestContext.response;
  if (body.kind !== "single") return;
  body.singleResult = {
    data: null,
    errors: [
      {
        message: "Internal server error: the access could not be logged, so this agency's data is withheld.",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
    ],
  };
}
