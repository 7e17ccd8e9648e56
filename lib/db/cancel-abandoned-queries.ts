import { AsyncLocalStorage } from "node:async_hooks";
import { Client, type PoolClient } from "pg";
import type { DataSource } from "typeorm";

/**
 * SQL that nobody waits for is cancelled. Each HTTP request runs in an {@link AbandonableWork} scope; every statement
 * a pooled connection sends inside it is registered with that scope; when the caller goes away (the gateway timed out
 * or its client disconnected), the statements still running are cancelled with `pg_cancel_backend` and later ones
 * fail at once.
 */
export class AbandonableWork {
  private readonly running = new Map<PoolClient, unknown>();
  private abandoned = false;

  constructor(private readonly cancel: (client: PoolClient) => void) {}

  get isAbandoned(): boolean {
    return this.abandoned;
  }

  /** The caller is gone: cancel what runs now. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    for (const client of this.running.keys()) this.cancel(client);
  }

  track<T>(client: PoolClient, run: () => T): T {
    if (this.abandoned) throw new AbandonedRequestError();
    this.running.set(client, undefined);
    const result = run();
    void Promise.resolve(result)
      .catch(() => undefined)
      .finally(() => this.running.delete(client));
    return result;
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
  const pool = (dataSource.driver as unknown as { master?: import("pg").Pool }).master;
  pool?.on("acquire", (client) => {
    const target = client as unknown as { [WRAPPED]?: true; query: (...args: unknown[]) => unknown };
    if (target[WRAPPED]) return;
    target[WRAPPED] = true;
    const query = target.query.bind(target);
    target.query = (...args: unknown[]) => {
      const work = scope.getStore();
      return work ? work.track(client, () => query(...args)) : query(...args);
    };
  });
  // pg_cancel_backend from a short-lived connection of the same user: it cancels whatever that backend runs when it
  // arrives, a tiny window (the statement ending just then) that statement_timeout would close anyway
  const cancel = (client: PoolClient) => {
    const { processID } = client as unknown as { processID: number };
    const canceller = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
    // a failed cancel leaves the statement to statement_timeout; it must not crash the process
    canceller.on("error", () => undefined);
    void canceller
      .connect()
      .then(() => canceller.query("SELECT pg_cancel_backend($1)", [processID]))
      .catch(() => undefined)
      .finally(() => void canceller.end().catch(() => undefined));
  };
  return () => new AbandonableWork(cancel);
}
