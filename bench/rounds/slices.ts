import { latencySummary, type LoadResult } from "../load";

/**
 * Seconds per slice of a round. A round is not one block per gateway but slices of about this length, the gateways
 * taking turns slice by slice: this VM's speed drifts by up to 20% between consecutive 10-second blocks (measured:
 * the same gateway at 30.0, 23.4 and 20.8 ms mean latency in three blocks a minute apart), which decided a block's
 * ratio more than the gateways did; turns of 2 s put each gateway's time in the same stretches of the machine's
 * drift. Shorter slices would spend their time on connection set-up and the wait for in-flight requests.
 */
export const SLICE_SEC = 2;

/** The slices' lengths of a round of `durationSec`: about {@link SLICE_SEC} each, one slice under 4 s. */
export function sliceDurations(durationSec: number): number[] {
  const count = Math.max(1, Math.floor(durationSec / SLICE_SEC));
  return Array.from({ length: count }, () => durationSec / count);
}

/** `order` rotated by `slice` places: each slice starts with the next gateway, so none always follows another. */
export function sliceOrder<T>(order: readonly T[], slice: number): T[] {
  const shift = slice % order.length;
  return [...order.slice(shift), ...order.slice(0, shift)];
}

/** The load figures of one gateway's slices taken together: the round as if run in one block. */
export class LoadTally {
  readonly latencies: number[] = [];
  private readonly parts: LoadResult[] = [];

  add(load: LoadResult): void {
    this.parts.push(load);
  }

  /** Requests per second over the slices' summed duration; percentiles over every slice's requests. */
  result(): LoadResult {
    if (this.parts.length === 0) throw new Error("no slice was run");
    const sum = (pick: (load: LoadResult) => number) => this.parts.reduce((total, load) => total + pick(load), 0);
    const durationSec = sum((load) => load.durationSec);
    const requests = sum((load) => load.requests);
    const firstError = this.parts.find((load) => load.errors.firstError)?.errors.firstError;
    return {
      durationSec,
      requests,
      sent: sum((load) => load.sent),
      requestsPerSec: durationSec > 0 ? requests / durationSec : 0,
      latencyMs: latencySummary([...this.latencies].sort((a, b) => a - b)),
      errors: {
        total: sum((load) => load.errors.total),
        non2xx: sum((load) => load.errors.non2xx),
        timeouts: sum((load) => load.errors.timeouts),
        connection: sum((load) => load.errors.connection),
        graphql: sum((load) => load.errors.graphql),
        ...(firstError ? { firstError } : {}),
      },
    };
  }
}
