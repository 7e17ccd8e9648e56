import { AsyncLocalStorage } from "node:async_hooks";
import { Connection, type PoolClient } from "pg";
import type { DataSource } from "typeorm";

/**
 * SQL that nobody waits for is cancelled. Each HTTP request runs in an {@link AbandonableWork} scope; every statement
 * a pooled connection sends inside it is registered with that scope; when the caller goes away (the gateway timed out
 * or its client disconnected), the statements still running are cancelled with PostgreSQL's own cancel request
 * (pg's `Client.cancel`: a separate connection carrying the backend's secret key) and later ones fail at once.
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
  const server = new URL(databaseUrl);
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
  // PostgreSQL's cancel request, as pg's Client.cancel sends it: a fresh connection carrying the backend's id and secret
  // key, no login. Like pg_cancel_backend it cancels whatever that backend runs when it arrives, a tiny window that
  // statement_timeout would close anyway.
  const cancel = (client: PoolClient) => {
    const { processID, secretKey } = client as unknown as { processID: number; secretKey: number };
    // pg's Connection types omit the two methods its own Client.cancel uses
    const connection = new Connection() as Connection & {
      connect(port: number, host: string): void;
      cancel(pid: number, key: number): void;
    };
    // a failed cancel leaves the statement to statement_timeout; it must not crash the process
    connection.on("error", () => undefined);
    connection.on("connect", () => connection.cancel(processID, secretKey));
    connection.connect(Number(server.port || 5432), server.hostname);
  };
  return () => new AbandonableWork(cancel);
}
