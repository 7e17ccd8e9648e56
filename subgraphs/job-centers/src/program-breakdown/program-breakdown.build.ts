import type { JobCentersContext } from "../context";
import { Gender, SupportTrack } from "../participant/participant.enums";
import type { BreakdownKey } from "./breakdown-cell.type";
import { figuresOf } from "./breakdown.figures";
import { cellKeyOf, emptyGroup, valuesOf, groupRows, TOTAL_KEY, withheldCounts } from "./breakdown.publish";
import { readGroupRows, readMedians } from "./breakdown.read";
import type { ProgramBreakdown } from "./program-breakdown.type";
import { AgeBand, ReportDimension as D } from "./report-dimension.enums";

/**
 * One breakdown: two statements over the figures tables (counts by month, medians), then the region or office
 * objects its keys name (one batched statement each). `centerId` set: that office's records, nothing withheld.
 */
export async function buildBreakdown(
  ctx: JobCentersContext,
  year: number,
  by: D[],
  monthNow: number,
  centerId: number | null,
): Promise<ProgramBreakdown> {
  const [rows, medians] = await Promise.all([readGroupRows(ctx.db, year, by, monthNow, centerId), readMedians(ctx.db, year, by, centerId)]);
  const groups = groupRows(rows, by.length);
  const withheld = centerId === null ? withheldCounts(groups) : null;
  const medianOf = new Map(medians.map((m) => [m.values === null ? TOTAL_KEY : cellKeyOf(m.values), m.median]));
  // a year with records but none in this office: the total is all zeros
  const totalGroup = groups.all.get(TOTAL_KEY) ?? emptyGroup();
  const entries = await Promise.all(
    [...groups.cells].map(async ([key, group]) => ({
      values: valuesOf(key),
      cell: { key: await keyOf(ctx, by, valuesOf(key)), ...figuresOf(group, medianOf.get(key), withheld, key) },
    })),
  );
  entries.sort((a, b) => compareValues(by, a.cell.key, b.cell.key, a.values, b.values));
  return {
    year,
    by,
    total: figuresOf(totalGroup, medianOf.get(TOTAL_KEY), withheld, TOTAL_KEY),
    cells: entries.map((e) => e.cell),
  };
}

async function keyOf(ctx: JobCentersContext, by: readonly D[], values: readonly string[]): Promise<BreakdownKey> {
  const key: BreakdownKey = { region: null, employmentCenter: null, track: null, ageBand: null, gender: null, quarter: null, month: null };
  for (const [i, dimension] of by.entries()) {
    const value = values[i];
    if (dimension === D.REGION) key.region = await ctx.loaders.regionByCode.load(value);
    if (dimension === D.EMPLOYMENT_CENTER) key.employmentCenter = await ctx.loaders.employmentCenterById.load(Number(value));
    if (dimension === D.TRACK) key.track = value as SupportTrack;
    if (dimension === D.AGE_BAND) key.ageBand = value as AgeBand;
    if (dimension === D.GENDER) key.gender = value as Gender;
    if (dimension === D.QUARTER) key.quarter = Number(value);
    if (dimension === D.MONTH) key.month = Number(value);
  }
  return key;
}

const ORDER: Partial<Record<D, readonly string[]>> = {
  [D.TRACK]: Object.values(SupportTrack),
  [D.AGE_BAND]: Object.values(AgeBand),
  [D.GENDER]: Object.values(Gender),
};

/** By the first dimension, then the second: enums in their declared order, regions in Statistics Korea's, the rest as numbers. */
function compareValues(by: readonly D[], a: BreakdownKey, b: BreakdownKey, av: readonly string[], bv: readonly string[]): number {
  for (const [i, dimension] of by.entries()) {
    const rank = (key: BreakdownKey, value: string) =>
      dimension === D.REGION ? Number(key.region?.kostatCode) : ORDER[dimension] ? ORDER[dimension].indexOf(value) : Number(value);
    const difference = rank(a, av[i]) - rank(b, bv[i]);
    if (difference !== 0) return difference;
  }
  return 0;
}
