/**
 * The one reader of environment variables. Every process's settings module passes `process.env` in here and gets
 * typed values back; an empty or blank value counts as unset (`FOO=` in a compose file means "the default").
 */
export type Environment = Record<string, string | undefined>;

/** Every bad variable of one start-up attempt, so that one failed start reports them all. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export interface IntRange {
  min?: number;
  max?: number;
}

/** Reads variables of `env`, collecting problems instead of stopping at the first; `done()` throws them. */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Environment) {}

  /** The trimmed value, or undefined when unset or blank. */
  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  str(name: string, fallback?: string): string {
    const value = this.optional(name) ?? fallback;
    if (value === undefined) this.problems.push(`${name} is required`);
    return value ?? "";
  }

  /** An integer within `range` (default 0…65535, a port). */
  num(name: string, fallback: number, { min = 0, max = 65_535 }: IntRange = {}): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    this.problems.push(`${name} must be true or false (got ${JSON.stringify(raw)})`);
    return fallback;
  }

  /** An absolute http:// or https:// URL. */
  url(name: string, fallback: string): string {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      this.problems.push(`${name} must be an absolute URL such as http://job-centers:4001/graphql (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      this.problems.push(`${name} must be an http:// or https:// URL (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return raw;
  }

  /** Records a problem that spans several variables (e.g. two that exclude each other). */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** Returns `settings` when every variable read so far was valid; throws an {@link EnvError} listing all otherwise. */
  done<T>(settings: T): T {
    if (this.problems.length > 0) throw new EnvError([...this.problems]);
    return settings;
  }
}

/** One string variable; throws when it is required (no fallback) and unset. */
export function getEnvStr(env: Environment, name: string, fallback?: string): string {
  const reader = new EnvReader(env);
  return reader.done(reader.str(name, fallback));
}

/** One integer variable within `range` (default 0…65535). */
export function getEnvNum(env: Environment, name: string, fallback: number, range?: IntRange): number {
  const reader = new EnvReader(env);
  return reader.done(reader.num(name, fallback, range));
}

/** One boolean variable: 1/true/yes or 0/false/no, any case. */
export function getEnvBool(env: Environment, name: string, fallback: boolean): boolean {
  const reader = new EnvReader(env);
  return reader.done(reader.bool(name, fallback));
}

/** Only `NODE_ENV=development` puts error details (messages of internal errors, stack traces) in responses. */
export function isDevelopment(env: Environment): boolean {
  return env.NODE_ENV?.trim() === "development";
}
