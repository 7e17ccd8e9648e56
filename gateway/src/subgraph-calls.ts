/**
 * Which subgraphs a request's execution called, by request context: the report cache learns from it which figures
 * versions an answer depends on (use-report-cache.ts). A WeakMap, so nothing outlives its request.
 */
const called = new WeakMap<object, Set<string>>();

/** Notes that `serviceName` was called for the request whose context this is (AgencyDataSource.process). */
export function noteSubgraphCall(context: unknown, serviceName: string): void {
  if (typeof context !== "object" || context === null) return;
  const names = called.get(context) ?? new Set<string>();
  names.add(serviceName);
  called.set(context, names);
}

/** The subgraphs called so far for this request, sorted; empty when none was. */
export function subgraphsCalled(context: object): string[] {
  return [...(called.get(context) ?? [])].sort();
}
