/**
 * Parsers for environment variables. Each service's own `env.ts` is the only place that passes `process.env` in;
 * everything else receives typed options.
 */
export type Environment = Record<string, string | undefined>;

export function envString(env: Environment, name: string, fallback?: string): string {
  const value = env[name];
  if (value !== undefined && value !== "") return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`Environment variable ${name} is required.`);
}

export function envInt(env: Environment, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Environment variable ${name} must be an integer from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

export function envBool(env: Environment, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`Environment variable ${name} must be true or false; got "${raw}".`);
}

/** True when NODE_ENV is `development`: only then do responses carry error details. */
export function isDevelopment(env: Environment): boolean {
  return env.NODE_ENV === "development";
}
