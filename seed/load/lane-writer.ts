import type { Client } from "pg";
import type { SubgraphName } from "@subgraphs/registry";
import { copyRows } from "../copy/copy-rows";
import type { RowBatch } from "../copy/row-batch";
import { tablesOf, type TableName, type TableSpec } from "../copy/tables";

const handled = (): undefined => undefined;

/**
 * Writes batches to one database over its lanes (one connection each). Each lane writes its tables in the order
 * batches arrive; within a batch, a level starts only once every lane has finished the level before (children
 * after parents). Lanes do not wait for each other otherwise, so the next chunk's participants go in while the
 * previous chunk's sessions are still streaming.
 */
export class LaneWriter {
  private readonly tails: Promise<void>[];
  private readonly levels: TableSpec[][][];

  constructor(
    private readonly connections: Client[],
    database: SubgraphName,
  ) {
    this.tails = connections.map(() => Promise.resolve());
    const tables = tablesOf(database);
    const levelNumbers = [...new Set(tables.map((t) => t.level))].sort((a, b) => a - b);
    this.levels = levelNumbers.map((level) => connections.map((_, lane) => tables.filter((t) => t.level === level && t.lane === lane)));
  }

  /** Queues a batch; resolves once all of its rows are in, rejects (and stops later batches) on the first failure. */
  write(batch: RowBatch): Promise<void> {
    let previousLevel: Promise<unknown> = Promise.resolve();
    for (const lanes of this.levels) {
      const writes: Promise<void>[] = [];
      lanes.forEach((tables, lane) => {
        const rows = tables.map((table) => [table, batch.bytes(table.name as TableName)] as const).filter(([, bytes]) => bytes.length > 0);
        if (rows.length === 0) return;
        const client = this.connections[lane];
        const write = Promise.all([this.tails[lane], previousLevel]).then(async () => {
          for (const [table, bytes] of rows) await copyRows(client, table, bytes);
        });
        // observed by the next write on this lane or by the caller; never an unhandled rejection meanwhile
        write.catch(handled);
        this.tails[lane] = write;
        writes.push(write);
      });
      previousLevel = Promise.all([previousLevel, ...writes]);
      previousLevel.catch(handled);
    }
    return previousLevel.then(() => undefined);
  }
}
