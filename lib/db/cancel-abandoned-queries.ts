import { AsyncLocalStorage } from "node:async_hooks";
import { Client, type PoolClient } from "pg";
import type { DataSource } from "typeorm";
import { wrapEachConnection } from "./wrap-connections";

/**
 * SQL that nobody waits for is cancelled. Each HTTP request runs in an {@link AbandonableWork} scope; every statement
 * a pooled connection sends inside it is registered with that scope; when the caller goes away (the gateway timed out
 * or its client disconnected), the statements still running are cancelled with `pg_cancel_backend` and later ones
 * fail at once.
 */
export class AbandonableWork {
  private readonly running = new Map<PoolClient, unknown>();
  /** The cancels sent, until each has reached its backend. */
  private readonly cancels = new Map<PoolClient, Promise<void>>();
  private abandoned = false;

  constructor(private readonly cancel: (client: PoolClient) => Promise<void>) {}

  get isAbandoned(): boolean {
    return this.abandoned;
  }

  /** The caller is gone: cancel what runs now. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    for (const client of this.running.keys()) this.cancels.set(client, this.cancel(client));
  }

  /**
   * Runs one statement of the request on `client`. Its answer (or error) is handed back only once a cancel sent for
   * it has reached the backend: the cancel goes from another connection and may arrive after the statement ended;
   * had the connection gone back to the pool meanwhile, it would cancel another request's statement.
   */
  track<T>(client: PoolClient, run: () => T): T {
    if (this.abandoned) throw new AbandonedRequestError();
    this.running.set(client, undefined);
    return Promise.resolve(run()).finally(() => {
      this.running.delete(client);
      return this.cancels.get(client);
    }) as T;
  }
}

/** A statement refused because the request it belonged to was abandoned; nobody reads this error. */
export class AbandonedRequestError extends Error {
  constructor() {
    super("the request was abandoned by its caller");
    this.name = "AbandonedRequestError";
  }
}

const scope = new AsyncLocalStorage<AbandonableWork>();
const WRAPPED = Symbol("njsp.cancellable");

/**
 * Runs `fn` outside any request's scope: for work done on behalf of many requests (the access log's group commit),
 * which one of them going away must not cancel.
 */
export function outsideRequests<T>(fn: () => T): T {
  return scope.exit(fn);
}

/**
 * Whether `error` is this request's own work stopped because its caller went away (a statement refused, or cancelled
 * by {@link AbandonableWork.abandon}): nobody reads the answer it was for, so it is no failure to report.
 */
export function isAbandonedWork(error: unknown): boolean {
  // TypeORM wraps what the driver threw as `driverError`
  const cause = (error as { driverError?: unknown } | null)?.driverError ?? error;
  if (cause instanceof AbandonedRequestError) return true;
  const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
  // 57014 is also statement_timeout's code ("due to statement timeout"), which is a failure to report
  return code === "57014" && typeof message === "string" && message.includes("due to user request");
}

/** Runs `fn` (an HTTP request's handling) in `work`'s scope: its statements belong to that request. */
export function runAbandonable<T>(work: AbandonableWork, fn: () => T): T {
  return scope.run(work, fn);
}

/**
 * Makes the statements of `dataSource`'s pool cancellable by the request that sent them, and returns the function
 * that creates a request's scope. Connections are wrapped as they are checked out (`acquire`), so the ones the pool
 * already holds are covered too.
 */
export function cancellableQueries(dataSource: DataSource, databaseUrl: string): () => AbandonableWork {
  wrapEachConnection(dataSource, WRAPPED, (query, client) => (...args: unknown[]) => {
    const work = scope.getStore();
    return work ? work.track(client, () => query(...args)) : query(...args);
  });
  // pg_cancel_backend from a short-lived connection of the same user: it cancels whatever that backend runs when it
  // arrives, a tiny window (the statement ending just then) that statement_timeout would close anyway
  const cancel = (client: PoolClient) => {
    const { processID } = client as unknown as { processID: number };
    const canceller = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
    // a failed cancel leaves the statement to statement_timeout; it must not crash the process
    canceller.on("error", () => undefined);
    return canceller
      .connect()
      .then(() => canceller.query("SELECT pg_cancel_backend($1)", [processID]))
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => void canceller.end().catch(() => undefined));
  };
  return () => new AbandonableWork(cancel);
}
