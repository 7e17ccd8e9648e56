import express, { type RequestHandler, type Router } from "express";
import { breakdownCsvRoute } from "./breakdown-csv.route";
import type { InProcessGraphQL } from "./in-process-graphql";
import { reportsPage } from "./reports-page";

/**
 * Everything under `/reports`: the analysts' page (`GET /reports`, its assets under `/reports/assets/`) and the
 * breakdown as CSV (`GET /reports/program-breakdown.csv`). `traceRequest` gives the CSV request its id and log line,
 * as `/graphql` requests get theirs, and `admit` makes it wait for its turn as they do (use-admission.ts); `graphql` runs the operation through the gateway (in-process-graphql.ts).
 */
export function reportsRoutes(options: { graphql: InProcessGraphQL; traceRequest: RequestHandler; admit: RequestHandler }): Router {
  const router = express.Router();
  const { page, assets } = reportsPage();
  router.get("/program-breakdown.csv", options.traceRequest, options.admit, breakdownCsvRoute(options.graphql));
  router.use("/assets", assets);
  router.get("/", page);
  return router;
}
