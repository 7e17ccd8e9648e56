import DataLoader from "dataloader";

/** A report row's federation key: the row of one region for one year. */
export interface RegionYearKey {
  year: number;
  regionCode: string;
}

/**
 * A loader of report rows keyed by (year, region). The gateway sends all 17 regions of a year in one `_entities`
 * batch, so `fetchYear` runs one statement per year (GROUP BY region) and each key reads its row from the result;
 * a region with no records gets `empty`.
 */
export function regionYearLoader<T extends { region_code: string }, R>(
  fetchYear: (year: number) => Promise<T[]>,
  toRow: (key: RegionYearKey, figures: T | undefined) => R,
): DataLoader<RegionYearKey, R, string> {
  const years = new Map<number, Promise<Map<string, T>>>();
  const figuresOf = (year: number) => {
    let figures = years.get(year);
    if (!figures) {
      figures = fetchYear(year).then((rows) => new Map(rows.map((row) => [row.region_code, row])));
      years.set(year, figures);
    }
    return figures;
  };
  return new DataLoader((keys) => Promise.all(keys.map(async (key) => toRow(key, (await figuresOf(key.year)).get(key.regionCode)))), {
    cacheKeyFn: (key) => `${key.year}:${key.regionCode}`,
  });
}
