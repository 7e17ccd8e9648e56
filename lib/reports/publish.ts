import { SuppressedFigure, type Figure } from "./suppressed-figure";
import { suppressCells, type SuppressionReason, type Total } from "./suppression";

/** Counts of persons by field name, as a report row holds them before publishing. */
export type Counts<F extends string> = Record<F, number>;

/** The same row as published: each count, or why it is withheld. */
export type Published<F extends string> = Record<F, Figure>;

/** One office's counts for the year, and the region it lies in (public: the directory lists offices by region). */
export interface OfficeCounts<F extends string> {
  officeId: number;
  regionCode: string;
  counts: Counts<F>;
}

/** A year of a report published per office and per region: what each office and each region shows. */
export interface PublishedYear<F extends string> {
  offices: Map<number, Published<F>>;
  /** Only regions with offices; a region without any counts 0 everywhere, which is shown. */
  regions: Map<string, Published<F>>;
}

/**
 * Publishes a year whose offices and regions are both shown. A region's count is the sum of its offices' (every
 * person's office lies in their region), so for each field the regions are the totals their offices add up to,
 * and suppression is decided over all of them at once.
 */
export function publishOfficesAndRegions<F extends string>(fields: readonly F[], offices: readonly OfficeCounts<F>[]): PublishedYear<F> {
  const officesOf = new Map<string, OfficeCounts<F>[]>();
  for (const office of offices) officesOf.set(office.regionCode, [...(officesOf.get(office.regionCode) ?? []), office]);
  const officeKey = (office: OfficeCounts<F>) => `office:${office.officeId}`;
  const totals: Total<string>[] = [...officesOf].map(([regionCode, parts]) => ({
    total: `region:${regionCode}`,
    parts: parts.map(officeKey),
  }));
  const withheld = new Map<F, Map<string, SuppressionReason>>();
  for (const field of fields) {
    const cells = new Map<string, number>();
    for (const office of offices) cells.set(officeKey(office), office.counts[field]);
    for (const [regionCode, parts] of officesOf) cells.set(`region:${regionCode}`, sum(parts, field));
    withheld.set(field, suppressCells(cells, totals));
  }
  const rowOf = (key: string, countOf: (field: F) => number) =>
    Object.fromEntries(fields.map((field) => [field, figure(countOf(field), withheld.get(field)?.get(key))])) as Published<F>;
  return {
    offices: new Map(offices.map((office) => [office.officeId, rowOf(officeKey(office), (field) => office.counts[field])])),
    regions: new Map(
      [...officesOf].map(([regionCode, parts]) => [regionCode, rowOf(`region:${regionCode}`, (field) => sum(parts, field))]),
    ),
  };
}

/**
 * Publishes a year shown per region only (no office figures, no national total): a small count is withheld, and
 * nothing published adds up to anything else, so no complement is needed.
 */
export function publishRegions<F extends string>(fields: readonly F[], regions: ReadonlyMap<string, Counts<F>>): Map<string, Published<F>> {
  const withheld = new Map(
    fields.map((field) => [field, suppressCells(new Map([...regions].map(([code, counts]) => [code, counts[field]])), [])]),
  );
  return new Map(
    [...regions].map(([code, counts]) => [
      code,
      Object.fromEntries(fields.map((field) => [field, figure(counts[field], withheld.get(field)?.get(code))])) as Published<F>,
    ]),
  );
}

function figure(count: number, reason: SuppressionReason | undefined): Figure {
  return reason ? new SuppressedFigure(reason) : count;
}

function sum<F extends string>(offices: readonly OfficeCounts<F>[], field: F): number {
  return offices.reduce((total, office) => total + office.counts[field], 0);
}
