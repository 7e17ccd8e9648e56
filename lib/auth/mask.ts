/**
 * A name as a viewer outside the person's case sees it: the family name stays, the given name is starred except
 * its last syllable when it has two or more (홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남궁*수). Korean family names are
 * one syllable, or two for the compound ones listed here (docs/domain.md#privacy).
 */
const COMPOUND_FAMILY_NAMES = new Set(["남궁", "황보", "제갈", "사공", "선우", "서문", "독고", "동방", "을지", "망절", "어금"]);

export function maskName(name: string): string {
  const syllables = [...name.trim()];
  if (syllables.length <= 1) return syllables.length === 0 ? "" : "*";
  const family = syllables.length > 2 && COMPOUND_FAMILY_NAMES.has(syllables.slice(0, 2).join("")) ? 2 : 1;
  const given = syllables.slice(family);
  if (given.length === 1) return `${syllables.slice(0, family).join("")}*`;
  return `${syllables.slice(0, family).join("")}${"*".repeat(given.length - 1)}${given[given.length - 1]}`;
}
