import { fakerKO } from "@faker-js/faker";
import { makeNameBook, type NameBook } from "./name-book";

type Lists = Readonly<Record<string, readonly string[] | undefined>> | readonly string[] | undefined;

function flatten(lists: Lists, key?: string): string[] {
  if (!lists) return [];
  if (isList(lists)) return [...lists];
  return key ? [...(lists[key] ?? [])] : Object.values(lists).flatMap((names) => names ?? []);
}

// Array.isArray narrows a readonly array to any[]; this keeps the element type
function isList(lists: NonNullable<Lists>): lists is readonly string[] {
  return Array.isArray(lists);
}

/**
 * The name book of faker's Korean locale. Only its word lists are used, not its generator: our own seeded
 * generator draws from them, which is faster for a million people and keeps faker out of the pure code.
 */
export function fakerNameBook(): NameBook {
  const person = fakerKO.definitions.person;
  const location = fakerKO.definitions.location;
  const surnames = flatten(person?.last_name);
  const firstNames = person?.first_name as Lists;
  const generic = flatten(firstNames, "generic");
  const book = {
    surnames,
    femaleGivenNames: [...flatten(firstNames, "female"), ...generic],
    maleGivenNames: [...flatten(firstNames, "male"), ...generic],
    streetNames: flatten(location?.street_name_part),
    streetSuffixes: flatten(location?.street_suffix),
  };
  for (const [list, names] of Object.entries(book)) {
    if (names.length === 0) throw new Error(`faker's Korean locale has no ${list}`);
  }
  return makeNameBook(book);
}
