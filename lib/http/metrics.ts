import { collectDefaultMetrics, Counter, Registry } from "prom-client";
import type { SqlStatementCounter } from "../db/sql-counter";

/**
 * A Prometheus registry for one service: process metrics (RSS, CPU) and `sql_statements_total`, which tests and the
 * benchmark read to prove that no field is resolved with one statement per row.
 */
export function createMetricsRegistry(service: string, sql?: SqlStatementCounter): Registry {
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
  return registry;
}
