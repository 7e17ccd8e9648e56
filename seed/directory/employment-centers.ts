import type { EmploymentCenterRecord } from "./reference-data";
import type { EmploymentCenter, Region } from "./directory-types";

/**
 * The 133 employment centers, numbered from 1 in the listing's order. Sub-offices point at their main office by
 * name in the listing; here they get its id. A main office draws three times the applicants of a sub-office, and a
 * region's offices share its population.
 */
export function buildEmploymentCenters(records: readonly EmploymentCenterRecord[], regions: readonly Region[]): EmploymentCenter[] {
  const idByName = new Map(records.map((record, index) => [record.name, index + 1]));
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const officeShares = new Map<string, number>();
  for (const record of records) {
    officeShares.set(record.sidoCode, (officeShares.get(record.sidoCode) ?? 0) + (record.parent ? 1 : 3));
  }
  return records.map((record, index) => {
    const region = regionByCode.get(record.sidoCode);
    if (!region) throw new Error(`${record.name}: unknown region ${record.sidoCode}`);
    const parentId = record.parent === null ? null : idByName.get(record.parent);
    if (parentId === undefined) throw new Error(`${record.name}: parent office ${record.parent} is not listed`);
    const share = (record.parent ? 1 : 3) / (officeShares.get(record.sidoCode) ?? 1);
    return {
      id: index + 1,
      name: record.name,
      regionCode: record.sidoCode,
      address: record.address,
      phone: record.phone,
      parentId,
      jurisdiction: record.jurisdiction,
      applicantWeight: region.population * share,
    };
  });
}
