import type { RequestHandler, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import { SUPPRESSED } from "@lib/graphql/error-codes";
import { breakdownCsv, breakdownFileName } from "./breakdown-csv";
import type { InProcessGraphQL } from "./in-process-graphql";
import { PROGRAM_BREAKDOWN, type ProgramBreakdown } from "./program-breakdown.operation";

/** The HTTP status a refusal of the graph becomes; any other code is the graph's own status, or 502. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PERSISTED_QUERY_NOT_IN_SAFELIST: 403,
  RATE_LIMITED: 429,
  SUBGRAPH_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
};

/**
 * `GET /reports/program-breakdown.csv?year=2022&by=TRACK,AGE_BAND` (or `by=TRACK&by=AGE_BAND`), with the caller's
 * `Authorization: Bearer` header: the contract's `ProgramBreakdown` run through the gateway for that caller (so what
 * an analyst may see, suppressed as the graph suppresses it), written as CSV (breakdown-csv.ts).
 *
 * The arguments go to the graph as they were written, and the graph judges them: a bad year or dimension is its
 * `BAD_USER_INPUT` (HTTP 400), with its message and code as a JSON error. No token is 401; a role the field is
 * refused to is 403; a year outside the data (the field is null) is 404. Figures are aggregates: nothing here can
 * name a person, and nothing of the request but its id reaches a log.
 */
export function breakdownCsvRoute(graphql: InProcessGraphQL): RequestHandler {
  return (req, res, next) => {
    res.set({ "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    if (!req.headers.authorization?.trim()) {
      refuse(res, 401, {
        message: "The breakdown is for signed-in report readers: send `Authorization: Bearer <token>`.",
        extensions: { code: "UNAUTHENTICATED" },
      });
      return;
    }
    // a year not given is left out, as a JSON client's would be, so the graph says it is missing
    const year = req.query.year === undefined ? undefined : yearOf(req.query.year);
    const variables = { ...(year === undefined ? {} : { year }), by: dimensionsOf(req.query.by) };
    graphql(req, res, { query: PROGRAM_BREAKDOWN, variables, operationName: "ProgramBreakdown" }).then((answer) => {
      const errors = (answer.result.errors ?? []).filter((error) => error.extensions?.code !== SUPPRESSED);
      const breakdown = (answer.result.data as { programBreakdown?: ProgramBreakdown | null } | null | undefined)?.programBreakdown;
      if (errors.length > 0 || answer.status >= 400) {
        const error = errors[0] ?? { message: "The breakdown could not be computed.", extensions: { code: "INTERNAL_SERVER_ERROR" } };
        const retryAfter = answer.headers.get("retry-after");
        if (retryAfter) res.set("Retry-After", retryAfter);
        refuse(res, STATUS_OF_CODE[String(error.extensions?.code)] ?? (answer.status >= 400 ? answer.status : 502), error);
        return;
      }
      if (!breakdown) {
        refuse(res, 404, {
          message: `There are no figures for the year ${String(year)}: it is outside the program's data.`,
          extensions: { code: "NOT_FOUND" },
        });
        return;
      }
      res
        .status(200)
        .set({
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${breakdownFileName(breakdown.year, breakdown.by)}"`,
        })
        .send(breakdownCsv(breakdown));
    }, next);
  };
}

/** A number when the parameter is written as one; otherwise as written, for the graph to refuse with its message. */
function yearOf(value: unknown): unknown {
  return typeof value === "string" && /^-?\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** `by=A,B` or `by=A&by=B`: the dimensions in the order written; nothing given is an empty list, which the graph refuses. */
function dimensionsOf(value: unknown): unknown[] {
  const values = value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
  return values.flatMap((v) => (typeof v === "string" ? v.split(",").map((name) => name.trim()) : [v])).filter((name) => name !== "");
}

/** A refusal as the gateway writes its other errors: `{ errors: [{ message, extensions: { code } }] }`. */
function refuse(res: Response, status: number, error: GraphQLFormattedError): void {
  if (status === 401) res.set("WWW-Authenticate", "Bearer");
  const { code, argumentName } = error.extensions ?? {};
  res.status(status).json({ errors: [{ message: error.message, extensions: { code, ...(argumentName ? { argumentName } : {}) } }] });
}
