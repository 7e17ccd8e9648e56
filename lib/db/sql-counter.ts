/**
 * Counts the SQL statements one service sends. It backs the `sql_statements_total` metric, which is how tests and
 * the benchmark prove that no query is N+1.
 */
export class SqlStatementCounter {
  private count = 0;

  increment(): void {
    this.count += 1;
  }

  get total(): number {
    return this.count;
  }
}
