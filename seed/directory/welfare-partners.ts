import type { Random } from "../random/random";
import { streetAddress, type NameBook } from "../people/name-book";
import { SAEIL_PLACES } from "./saeil-catalog";
import type { Region, WelfareKind, WelfarePartner } from "./directory-types";

/** How each kind of partner is named after a place, and how many of each a region has at most. */
const KINDS: ReadonlyArray<readonly [WelfareKind, (place: string) => string, number]> = [
  ["MENTAL_HEALTH", (place) => `${place}정신건강복지센터`, 4],
  ["CREDIT_RECOVERY", (place) => `신용회복위원회 ${place}지부`, 3],
  ["LEGAL_AID", (place) => `대한법률구조공단 ${place}지부`, 3],
  ["PSYCHOLOGICAL_COUNSELING", (place) => `${place}심리상담센터`, 4],
];

/**
 * Welfare partners of every region: several of each kind, named after the region's places (the same places as its
 * 새일센터), numbered from 1 by region and kind.
 */
export function buildWelfarePartners(rng: Random, regions: readonly Region[], names: NameBook): WelfarePartner[] {
  const partners: WelfarePartner[] = [];
  for (const region of regions) {
    const places = SAEIL_PLACES[region.code] ?? [];
    for (const [kind, nameOf, most] of KINDS) {
      for (const [place, district] of places.slice(0, most)) {
        const address = streetAddress(rng, names, region.name, district);
        partners.push({ id: partners.length + 1, name: nameOf(place), kind, regionCode: region.code, address });
      }
    }
  }
  return partners;
}
