import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { TableSpec } from "./tables";

/** Bytes per piece handed to the connection: big enough to be cheap, small enough to interleave with other work. */
const PIECE_BYTES = 256 * 1024;

function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) yield bytes.subarray(i, i + PIECE_BYTES);
}

/**
 * Streams `rows` (COPY text format, newline-terminated) into `table` with one COPY statement; nothing happens for
 * no rows. Pieces may split a row: COPY reads a stream, not messages.
 */
export async function copyRows(client: ClientBase, table: TableSpec, rows: Buffer): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table.name} (${table.columns.join(", ")}) FROM STDIN (FORMAT text)`));
  await pipeline(Readable.from(pieces(rows), { objectMode: false }), stream);
}
