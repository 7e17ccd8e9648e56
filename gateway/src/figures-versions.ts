import type { FiguresVersionAnswer } from "@lib/http/figures-version-route";

/** A version probe still unanswered after this counts as a failure: the report is then computed, not cached. */
const PROBE_TIMEOUT_MS = 1000;

/** The subgraphs' figures versions, read together (lib/db/figures-version.ts). */
export interface FiguresVersions {
  /** `name=version` of every subgraph, in a fixed order; null when any of them did not answer. */
  current(): Promise<string | null>;
}

/**
 * Asks every subgraph for its figures version (`GET /figures-version`, one primary-key read each), in parallel.
 * Requests that arrive while a probe is in flight share it: 64 analysts opening the report at once cost one probe
 * per subgraph, and a shared probe is as fresh as one of their own would have been.
 */
export function figuresVersions(subgraphUrls: Readonly<Record<string, string>>): FiguresVersions {
  const probes = Object.entries(subgraphUrls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, url]) => ({ name, url: new URL("/figures-version", url).toString() }));
  let inFlight: Promise<string | null> | undefined;

  const probe = async (): Promise<string | null> => {
    try {
      const versions = await Promise.all(
        probes.map(async ({ name, url }) => {
          const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
          if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
          return `${name}=${((await response.json()) as FiguresVersionAnswer).version}`;
        }),
      );
      return versions.join(",");
    } catch {
      // a subgraph down or old: no caching, and the request goes on to report the outage as usual
      return null;
    }
  };

  return {
    current() {
      inFlight ??= probe().finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}
