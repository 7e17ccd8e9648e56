import { setImmediate as nextTurn } from "node:timers/promises";
import type { ParticipantGenerator } from "../people/participant-generator";
import type { ParticipantRows } from "../copy/participant-rows";
import { RowBatch } from "../copy/row-batch";

/** Participants per COPY round: a few megabytes of rows, so memory stays flat at any run size. */
export const CHUNK_PARTICIPANTS = 5000;
/** Generation hands control back this often so that the previous chunk's COPY streams keep flowing meanwhile. */
const PARTICIPANTS_PER_TURN = 100;

/** The rows of participants [from, to), generated a slice at a time between turns of the event loop. */
export async function generateChunk(generator: ParticipantGenerator, rows: ParticipantRows, from: number, to: number): Promise<RowBatch> {
  const batch = new RowBatch();
  for (let index = from; index < to; index += 1) {
    rows.write(generator.generate(index), batch);
    if ((index - from) % PARTICIPANTS_PER_TURN === PARTICIPANTS_PER_TURN - 1) await nextTurn();
  }
  return batch;
}

/**
 * Generates and writes chunks as a pipeline: chunk k+1 is generated while chunk k is being copied, and chunk k+1 is
 * only written once chunk k is in (children always follow their parents).
 */
export async function pipeChunks(total: number, generate: (from: number, to: number) => Promise<RowBatch>, write: (batch: RowBatch, done: number) => Promise<void>): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  for (let from = 0; from < total; from += CHUNK_PARTICIPANTS) {
    const to = Math.min(total, from + CHUNK_PARTICIPANTS);
    const batch = await generate(from, to);
    await writing;
    writing = write(batch, to);
    // a failure is reported when the write is awaited; until then it must not count as unhandled
    writing.catch(() => undefined);
  }
  await writing;
}
