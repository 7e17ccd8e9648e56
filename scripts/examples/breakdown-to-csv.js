#!/usr/bin/env node
// A reporting client: one program year by one or two dimensions, from the graph, as CSV on standard output.
//
//   export NJSP_TOKEN=$(npm run --silent token -- --role ANALYST)
//   node scripts/examples/breakdown-to-csv.js 2022 TRACK AGE_BAND > breakdown-2022.csv
//
// NJSP_GRAPHQL_URL is the gateway (default http://127.0.0.1:4000/graphql). Node 20 or later, nothing to install.
// It sends the client contract's ProgramBreakdown as written there, so a gateway with SAFELIST=true runs it too.
// Withheld (suppressed) figures are empty fields. The same figures with Korean headers, ready for Excel, come from
// GET /reports/program-breakdown.csv (README, Reports).
/* global fetch */

const QUERY = `query ProgramBreakdown($year: Int!, $by: [ReportDimension!]!) {
  programBreakdown(year: $year, by: $by) {
    year
    by
    total { ...BreakdownFigures }
    cells {
      key { region { code name } employmentCenter { id name } track ageBand gender quarter month }
      suppressed
      ...BreakdownFigures
    }
  }
}

fragment BreakdownFigures on BreakdownFigures {
  applicants
  participantsStarted
  employed
  placementEmployments
  employmentRate
  placementShare
  medianDaysToEmployment
  retainedAt6Months
  retainedAt12Months
  allowancePaidWon
}`;

const FIGURES = [
  "applicants",
  "participantsStarted",
  "employed",
  "placementEmployments",
  "employmentRate",
  "placementShare",
  "medianDaysToEmployment",
  "retainedAt6Months",
  "retainedAt12Months",
  "allowancePaidWon",
];

/** A cell's value on a dimension: a place or office by name, the rest as the graph names it. */
const KEY = {
  REGION: (key) => key.region.name,
  EMPLOYMENT_CENTER: (key) => key.employmentCenter.name,
  TRACK: (key) => key.track,
  AGE_BAND: (key) => key.ageBand,
  GENDER: (key) => key.gender,
  QUARTER: (key) => key.quarter,
  MONTH: (key) => key.month,
};

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
const field = (value) =>
  value === null || value === undefined ? "" : /[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value);

async function main() {
  const [year = "2022", ...asked] = process.argv.slice(2);
  const by = asked.length > 0 ? asked : ["TRACK", "AGE_BAND"];
  const response = await fetch(process.env.NJSP_GRAPHQL_URL || "http://127.0.0.1:4000/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${process.env.NJSP_TOKEN || ""}` },
    body: JSON.stringify({ query: QUERY, operationName: "ProgramBreakdown", variables: { year: Number(year), by } }),
  });
  const { data, errors = [] } = await response.json();
  // withheld figures come with a SUPPRESSED error each: expected, not a failure
  const refused = errors.filter((error) => error.extensions?.code !== "SUPPRESSED");
  if (refused.length > 0) throw new Error(`${refused[0].message} (${refused[0].extensions?.code})`);
  const breakdown = data?.programBreakdown;
  if (!breakdown) throw new Error(`no figures for ${year}`);
  const rows = [
    [...by, ...FIGURES, "suppressed"],
    ...breakdown.cells.map((cell) => [...by.map((d) => KEY[d](cell.key)), ...FIGURES.map((f) => cell[f]), cell.suppressed]),
    [...by.map((_, i) => (i === 0 ? "TOTAL" : "")), ...FIGURES.map((f) => breakdown.total[f]), ""],
  ];
  process.stdout.write(rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n");
}

main().catch((error) => {
  console.error(`[breakdown-to-csv] ${error.message}`);
  process.exit(1);
});
