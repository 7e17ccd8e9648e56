import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { PoolCounts } from "../db/data-source";
import type { SqlStatementCounter } from "../db/sql-counter";

/**
 * A Prometheus registry for one service: process metrics (RSS, CPU); `sql_statements_total`, which tests and the
 * benchmark read to prove that no field is resolved with one statement per row; and the database pool's use
 * (`njsp_db_pool_connections`: `waiting` above zero means requests queue for a connection, so the pool is too small).
 */
export function createMetricsRegistry(service: string, sql?: SqlStatementCounter, pool?: () => PoolCounts | undefined): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  if (sql) {
    new Counter({
      name: "sql_statements_total",
      help: "SQL statements sent to this service's database since start.",
      registers: [registry],
      collect() {
        this.reset();
        this.inc(sql.total);
      },
    });
  }
  if (pool) {
    new Gauge({
      name: "njsp_db_pool_connections",
      help: "Connections of the database pool: total open, idle, and requests waiting for one.",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const counts = pool();
        if (!counts) return;
        this.set({ state: "total" }, counts.totalCount);
        this.set({ state: "idle" }, counts.idleCount);
        this.set({ state: "waiting" }, counts.waitingCount);
      },
    });
  }
  return registry;
}
