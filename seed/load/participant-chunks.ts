import { setImmediate as nextTurn } from "node:timers/promises";
import type { ParticipantGenerator } from "../people/participant-generator";
import type { ParticipantRows } from "../copy/participant-rows";
import { RowBatch } from "../copy/row-batch";

/** Participants per COPY round: a few megabytes of rows, so memory stays flat at any run size. */
export const CHUNK_PARTICIPANTS = 5000;
/** Chunks generated but not yet fully written; bounds memory while keeping every connection busy. */
const CHUNKS_IN_FLIGHT = 3;
/** Generation hands control back this often so that earlier chunks' COPY streams keep flowing meanwhile. */
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
 * Generates chunks in index order and hands each to `write` (which queues it behind the previous ones), keeping
 * at most a few chunks in flight; `written` is told, in order, how many participants are in.
 */
export async function pipeChunks(
  total: number,
  generate: (from: number, to: number) => Promise<RowBatch>,
  write: (batch: RowBatch) => Promise<void>,
  written: (done: number) => void,
): Promise<void> {
  const inFlight: Array<{ done: number; writing: Promise<void> }> = [];
  const settleOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    await oldest.writing;
    written(oldest.done);
  };
  try {
    for (let from = 0; from < total; from += CHUNK_PARTICIPANTS) {
      const to = Math.min(total, from + CHUNK_PARTICIPANTS);
      const writing = write(await generate(from, to));
      writing.catch(() => undefined);
      inFlight.push({ done: to, writing });
      if (inFlight.length >= CHUNKS_IN_FLIGHT) await settleOldest();
    }
    while (inFlight.length > 0) await settleOldest();
  } finally {
    // on failure, let the queued writes end before the caller closes their connections
    await Promise.allSettled(inFlight.map((c) => c.writing));
  }
}
