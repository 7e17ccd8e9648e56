import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { seedKey } from "./random/random";
import { readReferenceData } from "./directory/reference-data";
import { buildDirectory } from "./directory/directory";
import { fakerNameBook } from "./people/faker-name-book";
import { ParticipantGenerator } from "./people/participant-generator";
import { directoryRows } from "./copy/directory-rows";
import { ParticipantRows } from "./copy/participant-rows";
import type { RowBatch } from "./copy/row-batch";
import { closeAll, connectAll, onEachDatabase } from "./load/agency-databases";
import { finishSeeding, truncateSeeded } from "./load/seed-steps";
import { LaneWriter } from "./load/lane-writer";
import { generateChunk, pipeChunks } from "./load/participant-chunks";

export interface SeedOptions {
  participants: number;
  seed: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  participants: number;
  /** Rows written, by table name (table names are unique across the four databases). */
  rows: Record<string, number>;
  ms: number;
}

function countRows(rows: Record<string, number>, batch: RowBatch): void {
  for (const [table, n] of batch.counts()) rows[table] = (rows[table] ?? 0) + n;
}

/**
 * Fills the four agency databases with deterministic synthetic data: the same seed and number of participants give
 * the same rows. `urls`: each subgraph's own database URL, keyed by SubgraphName. Truncates every seeded table
 * (RESTART IDENTITY CASCADE) in all four, then loads the directory and the participants with COPY, and writes
 * `seed_run` last in each database.
 */
export async function seedDatabases(urls: Record<SubgraphName, string>, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const { participants, seed } = options;
  if (!Number.isInteger(participants) || participants < 1) throw new Error(`participants must be a positive integer, not ${participants}`);
  const key = seedKey(seed);
  const names = fakerNameBook();
  const directory = buildDirectory(readReferenceData(), key, names);
  const generator = new ParticipantGenerator(key, directory, names, participants);
  const participantRows = new ParticipantRows(new Map(directory.saeilCourses.map((c) => [c.id, c.saeilCenterId])));
  const rows: Record<string, number> = {};

  const clients = await connectAll(urls);
  try {
    await onEachDatabase(clients, ([client], name) => truncateSeeded(client, name));
    const writers = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, new LaneWriter(clients[name], name)])) as Record<
      SubgraphName,
      LaneWriter
    >;
    const writeEverywhere = (batch: RowBatch) => {
      countRows(rows, batch);
      return onEachDatabase(clients, (_, name) => writers[name].write(batch));
    };
    await writeEverywhere(directoryRows(directory));
    await pipeChunks(
      participants,
      (from, to) => generateChunk(generator, participantRows, from, to),
      writeEverywhere,
      (done) => options.onProgress?.(done, participants),
    );
    await onEachDatabase(clients, ([client], name) => finishSeeding(client, name, seed, participants));
  } finally {
    await closeAll(clients);
  }
  return { participants, rows, ms: Math.round(performance.now() - started) };
}
