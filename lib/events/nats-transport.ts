import { connect } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { DeliveredEvent, EventTarget } from "./delivered-event";

/** The broker the agencies share in production (`NATS_URL`): one JetStream stream of every agency's events. */
export interface NatsSettings {
  url: string;
  /** Stream name, and the subjects' first token in lower case; tests use their own. */
  stream: string;
}

export const DEFAULT_STREAM = "NJSP_EVENTS";

type NatsConnection = Awaited<ReturnType<typeof connect>>;

/** JetStream's durations are in nanoseconds. */
const nanos = (ms: number) => ms * 1_000_000;

const subjectsOf = (stream: string) => `${stream.toLowerCase()}.>`;

/** Connects and makes sure the stream exists (every service may be first; adding an existing one is a no-op). */
export async function connectBroker(settings: NatsSettings): Promise<NatsConnection> {
  const nc = await connect({ servers: settings.url, name: "njsp", maxReconnectAttempts: -1 });
  const jsm = await jetstreamManager(nc);
  // two minutes of deduplication by message id: a relay that re-sends after a crash publishes nothing twice
  await jsm.streams.add({ name: settings.stream, subjects: [subjectsOf(settings.stream)], duplicate_window: nanos(120_000) });
  return nc;
}

/** The relay's target: publish with the event's own id as the message id, so a re-send is dropped by the broker. */
export function brokerTarget(nc: NatsConnection, settings: NatsSettings): EventTarget {
  const js = jetstream(nc);
  return {
    name: `nats:${settings.stream}`,
    async send(event) {
      await js.publish(`${settings.stream.toLowerCase()}.${event.source}.${event.type}`, JSON.stringify(event), {
        msgID: `${event.source}-${event.id}`,
      });
    },
  };
}

/**
 * Consumes every agency's events through this agency's durable consumer, one at a time (at most one unacknowledged,
 * so they are handled in the order they were published, per participant and overall). A service that was down
 * resumes where its consumer stopped. An event whose handling fails is redelivered after a second.
 */
export async function consumeBroker(
  nc: NatsConnection,
  settings: NatsSettings,
  consumer: string,
  handle: (event: DeliveredEvent) => Promise<unknown>,
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const jsm = await jetstreamManager(nc);
  const durable = `${consumer}`;
  await jsm.consumers.add(settings.stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_ack_pending: 1,
    ack_wait: nanos(30_000),
    filter_subject: subjectsOf(settings.stream),
  });
  const messages = await (await jetstream(nc).consumers.get(settings.stream, durable)).consume();
  const done = (async () => {
    for await (const message of messages) {
      try {
        await handle(message.json<DeliveredEvent>());
        message.ack();
      } catch (error) {
        log(`event ${message.subject} #${message.seq} failed, redelivered in 1 s: ${(error as Error).message}`);
        message.nak(1000);
      }
    }
  })();
  return {
    async stop() {
      await messages.close();
      await done;
    },
  };
}
