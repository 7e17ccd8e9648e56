/**
 * Values in PostgreSQL's COPY text format: columns separated by tabs, rows by newlines, NULL as `\N`, and
 * backslash, tab, newline and carriage return escaped inside values.
 */
export const NULL = "\\N";

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A text value escaped for COPY; almost all values need nothing, so the common case is a single test. */
export function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]) : value;
}

/** A text value that may be NULL. */
export function nullableText(value: string | null): string {
  return value === null ? NULL : text(value);
}

/** A number that may be NULL. */
export function nullableNumber(value: number | null): string {
  return value === null ? NULL : String(value);
}

export function bool(value: boolean): string {
  return value ? "t" : "f";
}

/** A `text[]` as a PostgreSQL array literal (`{"a","b"}`), every element quoted, then escaped for COPY. */
export function textArray(values: readonly string[]): string {
  const elements = values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`);
  return text(`{${elements.join(",")}}`);
}

/** One COPY row from already formatted columns. */
export function row(columns: readonly string[]): string {
  return columns.join("\t");
}
