import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler, Response } from "express";
import { REQUEST_ID_HEADER, requestIdOf, tracedOperationOf, type RequestTrace } from "@lib/audit/request-trace";

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

/** Where request log lines go; `false` for none. The default writes one JSON line to stdout. */
export type RequestLog = false | ((line: RequestLogLine) => void);

export const STDOUT_REQUEST_LOG: RequestLog = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

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
    next();
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
