import type { RequestHandler } from "express";
import type { DataSource } from "typeorm";
import { ACCESS_COPY_EFFECTS } from "./access-copy";
import type { DeliveredEvent, EventEffects } from "./delivered-event";
import { handleEvent } from "./handle-event";
import { eventsRoute, peerTarget } from "./http-transport";
import { brokerTarget, connectBroker, consumeBroker, type NatsSettings } from "./nats-transport";
import { startRelay, type Relay } from "./relay";

/**
 * How the agencies' events travel, as a typed union: through NATS JetStream in production (`NATS_URL`), from
 * service to service in the embedded default (`npm start` gives each service its peers' addresses), or not at all
 * (a service run alone). `peers` maps each other subgraph to its GraphQL URL; it may be filled in after start.
 */
export type EventsConfig =
  { kind: "off" } | { kind: "broker"; nats: NatsSettings } | { kind: "peers"; peers: Readonly<Record<string, string | undefined>> };

export interface RunningEvents {
  /** `POST /events` for the embedded default; null with a broker. */
  route: RequestHandler[] | null;
  relay: Relay;
  stop(): Promise<void>;
}

export interface EventsOptions {
  subgraph: string;
  databaseUrl: string;
  db: DataSource;
  /** This agency's own effects, besides the copy of links and consents every agency keeps. */
  effects: EventEffects;
  /** The platform's service secret (the gateway's credential) that authenticates peers. */
  secret: string;
  config: Exclude<EventsConfig, { kind: "off" }>;
  log: (line: string) => void;
}

export async function startEvents(options: EventsOptions): Promise<RunningEvents> {
  const { subgraph, config, log } = options;
  const effects: EventEffects = { ...ACCESS_COPY_EFFECTS, ...options.effects };
  const handle = (event: DeliveredEvent) => handleEvent(options.db, subgraph, effects, event);
  if (config.kind === "broker") {
    const nc = await connectBroker(config.nats);
    const target = brokerTarget(nc, config.nats);
    const relay = await startRelay({ databaseUrl: options.databaseUrl, source: subgraph, targets: () => [target], log });
    const consumer = await consumeBroker(nc, config.nats, subgraph, handle, log);
    return {
      route: null,
      relay,
      async stop() {
        await relay.stop();
        await consumer.stop();
        await nc.drain();
      },
    };
  }
  // the peers as they are known at each pass: in tests their addresses come after every service has started
  const targets = () =>
    Object.keys(config.peers)
      .filter((name) => name !== subgraph)
      .map((name) => peerTarget(name, () => config.peers[name], options.secret));
  const relay = await startRelay({ databaseUrl: options.databaseUrl, source: subgraph, targets, log });
  return { route: eventsRoute(options.secret, handle), relay, stop: () => relay.stop() };
}
