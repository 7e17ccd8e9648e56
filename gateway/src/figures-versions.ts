import type { FiguresVersionAnswer } from "@lib/http/figures-version-route";

/** A version probe still unanswered after this counts as a failure: the report is then computed, not cached. */
const PROBE_TIMEOUT_MS = 1000;

/** The subgraphs' figures versions (lib/db/figures-version.ts). */
export interface FiguresVersions {
  /** Every subgraph's name, sorted. */
  readonly names: readonly string[];
  /**
   * `name=version` of each of `names` (default: every subgraph), in sorted order; null when any of them did not
   * answer or is not a subgraph.
   */
  current(names?: readonly string[]): Promise<string | null>;
}

/**
 * Asks subgraphs for their figures version (`GET /figures-version`, one primary-key read each), in parallel, only
 * those asked for: an answer that only one subgraph's figures make costs one probe, not four. Requests that arrive
 * while a subgraph's probe is in flight share it: 64 analysts opening the report at once cost one probe per
 * subgraph, and a shared probe is as fresh as one of their own would have been.
 */
export function figuresVersions(subgraphUrls: Readonly<Record<string, string>>): FiguresVersions {
  const urls = new Map(Object.entries(subgraphUrls).map(([name, url]) => [name, new URL("/figures-version", url).toString()]));
  const names = [...urls.keys()].sort();
  const inFlight = new Map<string, Promise<string>>();

  const probe = async (name: string, url: string): Promise<string> => {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return `${name}=${((await response.json()) as FiguresVersionAnswer).version}`;
  };
  const versionOf = (name: string): Promise<string> => {
    let shared = inFlight.get(name);
    if (!shared) {
      shared = probe(name, urls.get(name)!).finally(() => inFlight.delete(name));
      inFlight.set(name, shared);
    }
    return shared;
  };

  return {
    names,
    async current(asked = names) {
      if (asked.some((name) => !urls.has(name))) return null;
      try {
        const versions = await Promise.all([...asked].sort().map(versionOf));
        return versions.join(",");
      } catch {
        // a subgraph down or old: no caching, and the request goes on to report the outage as usual
        return null;
      }
    },
  };
}
