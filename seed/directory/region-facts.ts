/**
 * Rough population of each region (millions, 2022), keyed by the legal-dong code of `data/regions.json`. It weighs
 * where applicants live: the program's caseload follows population, so Seoul and Gyeonggi get the most.
 */
export const REGION_POPULATION: Readonly<Record<string, number>> = {
  "11": 9.4,
  "26": 3.3,
  "27": 2.4,
  "28": 3.0,
  "29": 1.4,
  "30": 1.4,
  "31": 1.1,
  "36": 0.4,
  "41": 13.6,
  "51": 1.5,
  "43": 1.6,
  "44": 2.1,
  "52": 1.8,
  "46": 1.8,
  "47": 2.6,
  "48": 3.3,
  "50": 0.7,
};

/** The population of region `code`; a region missing here is a mistake in the reference data. */
export function regionPopulation(code: string): number {
  const population = REGION_POPULATION[code];
  if (population === undefined) throw new Error(`no population for region ${code}`);
  return population;
}
