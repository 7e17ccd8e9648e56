import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { LocalDateResolver } from "graphql-scalars";

/**
 * `Date`: a calendar date, `YYYY-MM-DD`. PostgreSQL `date` columns arrive as such strings and leave as such,
 * with no time zone to shift them.
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar date in ISO-8601 form, `YYYY-MM-DD` (Korean local date; no time zone).",
});

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
