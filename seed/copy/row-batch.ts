import type { TableName } from "./tables";

const INITIAL_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/** One table's rows, encoded as they go into a growing buffer. */
class TableBytes {
  bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  length = 0;
  rows = 0;

  add(line: string): void {
    // a UTF-8 character takes at most 3 bytes per UTF-16 unit; +1 for the newline
    const needed = this.length + line.length * 3 + 1;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(line, this.length, "utf8");
    this.bytes[this.length++] = NEWLINE;
    this.rows += 1;
  }
}

/**
 * COPY rows waiting to be written, by table: one chunk of participants, or the directory. Rows are encoded to
 * bytes as they are added: millions of small strings kept alive until the write would cost more in garbage
 * collection than generating them.
 */
export class RowBatch {
  private readonly tables = new Map<TableName, TableBytes>();

  /** Adds one row (columns already formatted and separated by tabs, no newline). */
  add(table: TableName, line: string): void {
    let bytes = this.tables.get(table);
    if (!bytes) this.tables.set(table, (bytes = new TableBytes()));
    bytes.add(line);
  }

  /** The table's rows in COPY text format, each ending with a newline. */
  bytes(table: TableName): Buffer {
    const bytes = this.tables.get(table);
    return bytes ? bytes.bytes.subarray(0, bytes.length) : Buffer.alloc(0);
  }

  /** The table's rows as text lines (for tests and checks). */
  lines(table: TableName): string[] {
    const text = this.bytes(table).toString("utf8");
    return text === "" ? [] : text.slice(0, -1).split("\n");
  }

  /** Row counts by table. */
  counts(): Map<TableName, number> {
    return new Map([...this.tables].map(([table, bytes]) => [table, bytes.rows]));
  }
}
