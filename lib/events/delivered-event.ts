import type { EntityManager } from "typeorm";
import type { AgencyEvent, AgencyEventType } from "./event-types";

/** An event as it travels: which agency emitted it, its number in that agency's outbox, and when. */
export type DeliveredEvent = AgencyEvent & { source: string; id: string; emittedAt: string };

/** What an agency does on an event, inside the transaction that also records the event as handled. */
export type EventEffect = (tx: EntityManager, event: DeliveredEvent) => Promise<void>;

export type EventEffects = Partial<Record<AgencyEventType, EventEffect>>;

/** Where a relay sends its agency's events: the broker, or (embedded) one other agency's service. */
export interface EventTarget {
  /** Its name in `outbox_delivery`, where the relay keeps how far it got. */
  name: string;
  send(event: DeliveredEvent): Promise<void>;
}
