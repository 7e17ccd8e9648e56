import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from "graphql";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { isCalendarDate, quote } from "./input-checks";

/**
 * `Date`: a calendar date, `YYYY-MM-DD`. PostgreSQL `date` columns arrive as such strings and leave as such,
 * with no time zone to shift them.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar date in ISO-8601 form, `YYYY-MM-DD` (Korean local date; no time zone).",
  // A date the calendar does not have (2022-02-30) is the client's mistake, whether written in the query or sent as a
  // variable: BAD_USER_INPUT (the subgraph's formatError keeps that code for a literal, see lib/graphql/errors.ts).
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : print(ast), ast),
});

function parseDate(value: unknown, node?: ValueNode): string {
  if (isCalendarDate(value)) return value;
  throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, such as "2022-03-01"; got ${quote(value)}.`, {
    nodes: node,
    extensions: { code: "BAD_USER_INPUT" },
  });
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function parseYearMonth(value: unknown): string {
  if (typeof value === "string" && YEAR_MONTH.test(value)) return value;
  throw new GraphQLError(`YearMonth must be a string like "2022-03", got ${JSON.stringify(value)}`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/** `YearMonth`: a calendar month, `YYYY-MM` (the month an allowance is paid for). */
export const YearMonthScalar = new GraphQLScalarType({
  name: "YearMonth",
  description: "A calendar month in ISO-8601 form, `YYYY-MM`.",
  serialize: (value) => parseYearMonth(value),
  parseValue: (value) => parseYearMonth(value),
  parseLiteral: (ast) => parseYearMonth(ast.kind === Kind.STRING ? ast.value : undefined),
});

/**
 * `DateTime`: an instant, ISO-8601 with offset (`2022-03-02T09:00:00.000Z`), for when things happened to the hour
 * (consent given or withdrawn, access-log entries). The one definition every subgraph uses, so the name composes.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: "DateTime",
  description: "An instant in ISO-8601 form with a UTC offset, e.g. `2022-03-02T00:00:00.000Z`.",
});
