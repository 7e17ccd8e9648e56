import express, { type RequestHandler } from "express";
import { GATEWAY_CREDENTIAL_HEADER, isGatewayCredential } from "@lib/auth/gateway-credential";
import type { DeliveredEvent, EventTarget } from "./delivered-event";

/**
 * The embedded default's delivery, without any broker: each agency's relay posts its events to every other agency's
 * `POST /events`, authenticated with the gateway's credential (the platform's shared service secret), and an
 * agency answers 204 once the event is handled (or was already). At least once and in order, as with the broker.
 */
export function peerTarget(name: string, graphqlUrl: () => string | undefined, secret: string): EventTarget {
  return {
    name: `peer:${name}`,
    async send(event) {
      const url = graphqlUrl();
      if (!url) throw new Error(`${name}'s address is not known yet`);
      const response = await fetch(new URL("/events", url), {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_CREDENTIAL_HEADER]: secret },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5000),
      });
      if (response.status !== 204) throw new Error(`${name} answered ${response.status}`);
    },
  };
}

/** `POST /events` of an agency's service: the other agencies' relays deliver here. */
export function eventsRoute(secret: string, handle: (event: DeliveredEvent) => Promise<unknown>): RequestHandler[] {
  return [
    express.json({ limit: "256kb" }),
    (req, res, next) => {
      const credential = req.headers[GATEWAY_CREDENTIAL_HEADER];
      if (!isGatewayCredential(typeof credential === "string" ? credential : undefined, secret)) {
        res.status(401).json({ error: "events are accepted from the platform's services only" });
        return;
      }
      const event = req.body as Partial<DeliveredEvent>;
      if (typeof event?.source !== "string" || typeof event.id !== "string" || typeof event.type !== "string") {
        res.status(400).json({ error: "not an event" });
        return;
      }
      handle(event as DeliveredEvent).then(() => res.status(204).end(), next);
    },
  ];
}
