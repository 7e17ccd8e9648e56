/**
 * Errors that are the policies' answer, not a failure: a field the person did not consent to share (`FORBIDDEN`),
 * a small count withheld from a report (`SUPPRESSED`). A counsellor's browser gets them on every page of a real
 * caseload, so the benchmark measures them as answers, for our gateway and the peer alike.
 */
const POLICY_CODES = new Set(["FORBIDDEN", "SUPPRESSED"]);

export function isPolicyOutcome(error: { extensions?: { code?: unknown } } | null | undefined): boolean {
  return typeof error?.extensions?.code === "string" && POLICY_CODES.has(error.extensions.code);
}

/** True when a response's errors (if any) are all the policies' answers. */
export function onlyPolicyOutcomes(errors: unknown): boolean {
  return errors === undefined || (Array.isArray(errors) && errors.every((e) => isPolicyOutcome(e as { extensions?: { code?: unknown } })));
}
