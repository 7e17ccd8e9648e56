import { fakerKO } from "@faker-js/faker";
import { makeNameBook, type NameBook } from "./name-book";

type Lists = Record<string, readonly string[]> | readonly string[] | undefined;

function flatten(lists: Lists, key?: string): string[] {
  if (!lists) return [];
  if (Array.isArray(lists)) return [...lists];
  const byKey = lists as Record<string, readonly string[]>;
  return key ? [...(byKey[key] ?? [])] : Object.values(byKey).flat();
}

/**
 * The name book of faker's Korean locale. Only its word lists are used, not its generator: our own seeded
 * generator draws from them, which is faster for a million people and keeps faker out of the pure code.
 */
export function fakerNameBook(): NameBook {
  const person = fakerKO.definitions.person;
  const location = fakerKO.definitions.location;
  const surnames = flatten(person?.last_name as Lists);
  const firstNames = person?.first_name as Lists;
  const generic = flatten(firstNames, "generic");
  const book = {
    surnames,
    femaleGivenNames: [...flatten(firstNames, "female"), ...generic],
    maleGivenNames: [...flatten(firstNames, "male"), ...generic],
    streetNames: flatten(location?.street_name_part as Lists),
    streetSuffixes: flatten(location?.street_suffix as Lists),
  };
  for (const [list, names] of Object.entries(book)) {
    if (names.length === 0) throw new Error(`faker's Korean locale has no ${list}`);
  }
  return makeNameBook(book);
}
