import path from "node:path";

/**
 * What `npm run measure:cpu -- … --without <part>[,<part>]` can take out of ours, each a preload in this folder that
 * the launcher's processes load (`NODE_OPTIONS=--require`): a measurement of what the part costs, not a setting of
 * the platform, which has no switch to turn any of it off.
 */
export const ABLATIONS = {
  "access-log": { preload: "without-access-log.js", about: "the subgraphs' access-log appends stubbed out" },
  resilience: {
    preload: "without-resilience.js",
    about: "no admission queue, circuit breakers or retries, no AsyncLocalStorage (cancellation of abandoned work)",
  },
} as const;
export type AblationName = keyof typeof ABLATIONS;

/**
 * The parts named by `--without` (comma-separated), checked, and the other arguments in their order; no parts when
 * the option is absent.
 */
export function parseAblations(args: readonly string[]): { parts: AblationName[]; rest: string[] } {
  const at = args.indexOf("--without");
  if (at < 0) return { parts: [], rest: [...args] };
  const names = (args[at + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((name) => !(name in ABLATIONS));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--without takes one or more of ${Object.keys(ABLATIONS).join(", ")}; got ${args[at + 1] ?? "nothing"}`);
  }
  return { parts: names as AblationName[], rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

/** What the parts taken out are, for the printed result. */
export const aboutAblations = (names: readonly AblationName[]): string => names.map((name) => ABLATIONS[name].about).join("; ");

/** The launcher variables that load the parts' preloads into every process it starts (after any NODE_OPTIONS). */
export function ablationEnv(names: readonly AblationName[], nodeOptions = process.env.NODE_OPTIONS ?? ""): Record<string, string> {
  // compiled next to this module in dist/bench/cpu/ablations
  const preloads = names.map((name) => `--require ${JSON.stringify(path.join(__dirname, ABLATIONS[name].preload))}`);
  return { NODE_OPTIONS: [nodeOptions, ...preloads].filter(Boolean).join(" ") };
}
