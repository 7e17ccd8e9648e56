import type { RequestHandler } from "express";
import { runAbandonable, type AbandonableWork } from "@lib/db/cancel-abandoned-queries";

/**
 * Ties a request's SQL to its caller: when the connection closes before the response is complete (the gateway's
 * timeout destroyed the socket, or a direct client went away), the request's running statements are cancelled and
 * the ones it has not sent yet fail at once (lib/db/cancel-abandoned-queries.ts).
 */
export function abortOnClose(createWork: () => AbandonableWork): RequestHandler {
  return (_req, res, next) => {
    const work = createWork();
    res.once("close", () => {
      if (!res.writableFinished) work.abandon();
    });
    runAbandonable(work, next);
  };
}
