/**
 * Errors that mean the database cannot be reached right now (it is down, restarting, or the connection broke), as
 * opposed to a bug in a statement. Such a failure is answered as DATABASE_UNAVAILABLE, which a client can act on
 * (try again shortly), instead of a masked internal error. The pool reconnects by itself once the server is back.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** SQLSTATEs of a server going away or not ready: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SERVER_GONE_STATES = new Set(["57P01", "57P02", "57P03"]);

/** pg's own messages for a connection lost or never made (they carry no code). */
const LOST_CONNECTION =
  /Connection terminated|connection timeout|Connection refused|Client has encountered a connection error|not queryable/i;

/** An error and what it wraps, as the driver, TypeORM and graphql-js nest them. */
interface Wrapped {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  thrownValue?: unknown;
  originalError?: unknown;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let e = error as Wrapped | null | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    if (NETWORK_CODES.has(code) || SERVER_GONE_STATES.has(code) || code.startsWith("08")) return true;
    if (typeof e.message === "string" && LOST_CONNECTION.test(e.message)) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError); graphql-js wraps a value that is not an Error
    // of its realm (NonErrorThrown.thrownValue) and a resolver's error (originalError); causes are followed too
    e = (e.driverError ?? e.thrownValue ?? e.originalError ?? e.cause) as Wrapped | null | undefined;
  }
  return false;
}
