import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler, Response } from "express";
import { REQUEST_ID_HEADER, requestIdOf, tracedOperationOf, type RequestTrace } from "@lib/audit/request-trace";
import type { Logger } from "@lib/log/logger";
import { inRequestScope } from "@lib/log/request-scope";

/**
 * Each request's id: a well-formed `x-request-id` from the client (8–64 letters, digits, dashes), else a new UUID.
 * It goes back in the response's `x-request-id`, to every subgraph with the client's address and operation (each
 * subgraph's access log records them: lib/audit/request-trace.ts), and into the gateway's request log, so an entry
 * of any agency's access log leads to the gateway's line of the same request and back.
 */
export interface RequestLogLine {
  requestId: string;
  operationName: string | null;
  status: number;
  ms: number;
}

/** Where request log lines go; `false` for none. */
export type RequestLog = false | ((line: RequestLogLine) => void);

/** Request lines as `info` lines of a service's log (`"msg":"request"`). */
export function requestLogTo(logger: Logger): RequestLog {
  return (line) => logger.info(line, "request");
}

/** The trace of the request `res` answers, as {@link traceRequests} left it. */
export function traceOf(res: Response): RequestTrace {
  return (res.locals as { trace: RequestTrace }).trace;
}

/**
 * Express middleware for the GraphQL route: assigns the id, sets the response header, notes the client's address
 * (`req.ip`, which honours `trust proxy`), and logs the request when its response has been sent. Nothing in the
 * line is personal data: no variables, no token, no address.
 */
export function traceRequests(log: RequestLog): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const trace: RequestTrace = {
      requestId: requestIdOf(req.headers[REQUEST_ID_HEADER]),
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      operation: null,
    };
    res.locals.trace = trace;
    res.setHeader(REQUEST_ID_HEADER, trace.requestId);
    if (log) {
      res.once("finish", () => {
        const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
        log({ requestId: trace.requestId, operationName: trace.operation?.name ?? null, status: res.statusCode, ms });
      });
    }
    // everything done for this request, down to the subgraph calls, logs with its id (lib/log/request-scope.ts)
    inRequestScope(trace.requestId, next);
  };
}

/**
 * Notes the client's operation on the trace: its name and the sha256 of its text (the hash automatic persisted
 * queries use, so the safelist's operations can be recognised in the logs). First as the request names it, so that
 * a request refused by validation is logged with it too; then as Apollo Server resolved it from the document.
 */
export function traceOperations(): ApolloServerPlugin<{ trace?: RequestTrace }> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveSource({ contextValue, request, queryHash }) {
          if (contextValue.trace) contextValue.trace.operation = tracedOperationOf(request.operationName, queryHash);
          return Promise.resolve();
        },
        didResolveOperation({ contextValue, operationName, queryHash }) {
          if (contextValue.trace) contextValue.trace.operation = tracedOperationOf(operationName, queryHash);
          return Promise.resolve();
        },
      });
    },
  };
}
