/**
 * Whether another version of the project can run on this checkout's `node_modules`: the packages that decide how a
 * request is served (Apollo's gateway, server, planner and federation, type-graphql, typeorm, pg, graphql) must be
 * installed at exactly the same versions by both package-locks, else the baseline is measured on its own `npm ci`.
 */

/** The part of a `package-lock.json` (lockfileVersion 2 or 3) this check reads. */
export interface PackageLock {
  packages?: Record<string, { version?: string; link?: boolean }>;
}

/** The packages whose versions must be the same in both locks (`@apollo/` covers every Apollo package). */
export const WATCHED_PACKAGES: ReadonlyArray<string | RegExp> = [/^@apollo\//, "type-graphql", "typeorm", "pg", "graphql"];

/** One watched package installed at other versions by the two locks. */
export interface LockDifference {
  name: string;
  /** Versions installed by ours, sorted; empty when ours does not install it. */
  ours: string[];
  /** Versions installed by the baseline, sorted. */
  baseline: string[];
}

/** The package name of a lock entry's path: `node_modules/a/node_modules/@b/c` → `@b/c`; "" for the root. */
export function packageNameOf(lockPath: string): string {
  const at = lockPath.lastIndexOf("node_modules/");
  return at < 0 ? "" : lockPath.slice(at + "node_modules/".length);
}

function watched(name: string): boolean {
  return WATCHED_PACKAGES.some((pattern) => (typeof pattern === "string" ? pattern === name : pattern.test(name)));
}

/**
 * The versions a lock installs of each watched package. Where in the tree a copy sits (hoisted or nested) differs
 * between two locks of the same versions, so each package is compared as the set of its installed versions.
 */
export function watchedVersions(lock: PackageLock): Map<string, string[]> {
  const versions = new Map<string, Set<string>>();
  for (const [lockPath, entry] of Object.entries(lock.packages ?? {})) {
    const name = packageNameOf(lockPath);
    if (!name || !watched(name) || entry.link || !entry.version) continue;
    if (!versions.has(name)) versions.set(name, new Set());
    versions.get(name)?.add(entry.version);
  }
  return new Map([...versions].map(([name, set]) => [name, [...set].sort()]));
}

/** The watched packages whose installed versions differ between the two locks (none: compatible), by name. */
export function lockDifferences(ours: PackageLock, baseline: PackageLock): LockDifference[] {
  const a = watchedVersions(ours);
  const b = watchedVersions(baseline);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names
    .map((name) => ({ name, ours: a.get(name) ?? [], baseline: b.get(name) ?? [] }))
    .filter((d) => d.ours.join(",") !== d.baseline.join(","));
}

/**
 * The baseline's direct dependencies (its build's included) that ours does not install at the top of
 * `node_modules`: it would fail to build or load them from ours.
 */
export function missingDirectDependencies(ours: PackageLock, baseline: PackageLock): string[] {
  const root = baseline.packages?.[""] as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined;
  const present = ours.packages ?? {};
  return Object.keys({ ...root?.dependencies, ...root?.devDependencies })
    .filter((name) => !present[`node_modules/${name}`])
    .sort();
}

/** A short account of a difference for the progress line: `pg 8.16.0 ≠ 8.23.1`. */
export function describeDifference(d: LockDifference): string {
  const side = (versions: string[]) => (versions.length ? versions.join("+") : "absent");
  return `${d.name} ${side(d.baseline)} ≠ ${side(d.ours)}`;
}
