import type { RequestHandler } from "express";
import { REQUEST_ID_HEADER, requestIdOf } from "@lib/audit/request-trace";
import type { Logger } from "@lib/log/logger";
import { inRequestScope } from "@lib/log/request-scope";

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * A subgraph's side of the request log: everything done for a call logs with the id the gateway gave the client's
 * request (`x-request-id`; a new one for a direct caller), and with `lines` on, one `request` line when the answer
 * is sent: the id, the operation the gateway planned (e.g. `Participant360__job_centers__0`), the HTTP status and
 * the milliseconds. Never the variables: an entity fetch's representations are participants' ids.
 */
export function subgraphRequestLog(logger: Logger, lines: boolean): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId; // the access log (lib/audit/request-trace.ts) then records the same id
    if (lines) {
      res.once("finish", () => {
        const name = (req.body as { operationName?: unknown } | undefined)?.operationName;
        const operationName = typeof name === "string" && OPERATION_NAME.test(name) ? name : null;
        const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
        logger.info({ requestId, operationName, status: res.statusCode, ms }, "request");
      });
    }
    inRequestScope(requestId, next);
  };
}
