import { UUID_PATTERN } from "@lib/graphql/ids";

/**
 * The participants whose personal data one request read, collected as their fields resolve
 * (record-participant-reads.ts) and written to the access log once, when the response is sent (use-access-log.ts).
 * Only a participant's id is kept: it is what the log records, and the only thing it needs.
 */
export class ParticipantReads {
  private readonly read = new Set<string>();

  /** Notes a read of the participant `id`; anything that is not a participant's id (a UUID) is no one and is ignored. */
  add(id: unknown): void {
    if (typeof id === "string" && UUID_PATTERN.test(id)) this.read.add(id.toLowerCase());
  }

  get size(): number {
    return this.read.size;
  }

  /** The ids read so far, sorted (the log stores them so, which keeps its rows comparable). */
  ids(): string[] {
    return [...this.read].sort();
  }
}
