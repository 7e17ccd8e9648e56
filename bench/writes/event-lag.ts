import { latencySummary } from "../load";
import type { EventLagFigures } from "./write-types";

/** An event a write put into its agency's outbox, with its `created_at` in epoch milliseconds. */
export interface EmittedEvent {
  source: string;
  id: string;
  type: string;
  createdAtMs: number;
}

/** An agency's `processed_event` row: it handled `source`'s event `id` at `processedAtMs` (epoch milliseconds). */
export interface ProcessedEvent {
  consumer: string;
  source: string;
  id: string;
  processedAtMs: number;
}

/**
 * The delivery lag of each (event, consumer) pair: from the event's `created_at` in the writer's outbox to the
 * consumer's `processed_at`, both read from the same PostgreSQL server's clock. Every agency but the source handles
 * every event (`consumers`); a pair without a processed row is missing, not counted as a lag. A consumer's rows of
 * other events are ignored.
 */
export function eventLags(
  emitted: readonly EmittedEvent[],
  processed: readonly ProcessedEvent[],
  consumers: readonly string[],
): { lagsMs: number[]; deliveries: number; missing: number } {
  const processedAt = new Map(processed.map((p) => [`${p.consumer}\n${p.source}\n${p.id}`, p.processedAtMs]));
  const lagsMs: number[] = [];
  let deliveries = 0;
  for (const event of emitted) {
    for (const consumer of consumers) {
      if (consumer === event.source) continue;
      deliveries++;
      const at = processedAt.get(`${consumer}\n${event.source}\n${event.id}`);
      if (at !== undefined) lagsMs.push(at - event.createdAtMs);
    }
  }
  lagsMs.sort((a, b) => a - b);
  return { lagsMs, deliveries, missing: deliveries - lagsMs.length };
}

/** The figures the report shows: lag percentiles over the delivered pairs, how many are missing, events by type. */
export function eventLagFigures(
  transport: EventLagFigures["transport"],
  emitted: readonly EmittedEvent[],
  processed: readonly ProcessedEvent[],
  consumers: readonly string[],
): EventLagFigures {
  const { lagsMs, deliveries, missing } = eventLags(emitted, processed, consumers);
  const byType: Record<string, number> = {};
  for (const event of emitted) byType[event.type] = (byType[event.type] ?? 0) + 1;
  return { transport, events: emitted.length, deliveries, missing, byType, lagMs: latencySummary(lagsMs) };
}
