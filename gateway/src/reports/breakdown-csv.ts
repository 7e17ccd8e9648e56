import { stringify } from "csv-stringify/sync";
import { DIMENSION_HEADERS, FIGURE_HEADERS, SUPPRESSED_HEADER, SUPPRESSED_MARK, TOTAL_LABEL, dimensionValue } from "./breakdown-labels";
import { BREAKDOWN_FIGURES, type BreakdownFigures, type ProgramBreakdown } from "./program-breakdown.operation";

/** The figures of one row as CSV fields: a number as the graph gave it, nothing where it gave null (withheld). */
const figureFields = (figures: BreakdownFigures) =>
  BREAKDOWN_FIGURES.map((figure) => (figures[figure] === null ? "" : String(figures[figure])));

/**
 * A breakdown as CSV (RFC 4180, CRLF, quoted where needed, by csv-stringify): a UTF-8 byte order mark first, so
 * that Excel reads the Korean headers as UTF-8; a column per dimension asked, then the ten figures, then whether
 * the row was withheld; one row per cell in the graph's order, then the national total. A withheld figure is an
 * empty field, never 0. The rows are the graph's answer as it is: no number is recomputed here.
 */
export function breakdownCsv(breakdown: ProgramBreakdown): string {
  const header = [
    ...breakdown.by.map((dimension) => DIMENSION_HEADERS[dimension]),
    ...BREAKDOWN_FIGURES.map((f) => FIGURE_HEADERS[f]),
    SUPPRESSED_HEADER,
  ];
  const cells = breakdown.cells.map((cell) => [
    ...breakdown.by.map((dimension) => dimensionValue(cell.key, dimension)),
    ...figureFields(cell),
    cell.suppressed ? SUPPRESSED_MARK : "",
  ]);
  const total = [...breakdown.by.map((_, i) => (i === 0 ? TOTAL_LABEL : "")), ...figureFields(breakdown.total), ""];
  return stringify([header, ...cells, total], { bom: true, record_delimiter: "windows" });
}

/** `program-breakdown-2022-TRACK-AGE_BAND.csv`: what was asked, readable in a downloads folder. */
export function breakdownFileName(year: number, by: readonly string[]): string {
  return `program-breakdown-${[String(year), ...by].join("-")}.csv`;
}
