import { isPolicyOutcome } from "../policy-outcomes";

/** How one answer of a request that needs the frozen subgraph came back. */
export type ProbeOutcome = "whole" | "partial" | "error";

export interface ProbeAnswer {
  /** Milliseconds from the probe's start to sending, and the request's latency. */
  sentAtMs: number;
  ms: number;
  outcome: ProbeOutcome;
  /** `extensions.reason` of a partial answer's SUBGRAPH_UNAVAILABLE error (TIMEOUT, CIRCUIT_OPEN, …). */
  reason?: string;
}

export interface ProbeOptions {
  url: string;
  headers: Readonly<Record<string, string>>;
  nextBody: () => string;
  /** One request every this many milliseconds, whether the previous ones have answered or not (an open loop). */
  everyMs: number;
  /** The subgraph whose absence makes an answer partial. */
  subgraph: string;
}

/** Sorts one answer: whole, partial for want of `subgraph` (with the reason), or an error. */
export function classifyAnswer(status: number, text: string, subgraph: string): Pick<ProbeAnswer, "outcome" | "reason"> {
  if (status < 200 || status >= 300) return { outcome: "error" };
  try {
    const body = JSON.parse(text) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: unknown; serviceName?: unknown; reason?: unknown } }>;
    };
    if (body.data == null) return { outcome: "error" };
    const errors = (body.errors ?? []).filter((e) => !isPolicyOutcome(e));
    if (errors.length === 0) return { outcome: "whole" };
    const missing = errors.every((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE" && e.extensions.serviceName === subgraph);
    return missing
      ? { outcome: "partial", reason: typeof errors[0].extensions?.reason === "string" ? errors[0].extensions.reason : "" }
      : { outcome: "error" };
  } catch {
    return { outcome: "error" };
  }
}

/**
 * Requests at a steady pace, each on its own: while the breaker is open they come back at once, and a closed loop
 * would then flood the gateway; a steady pace keeps the load on it the same before, during and after the freeze.
 */
export function startProbe(options: ProbeOptions): { startedAt: number; stop(): Promise<ProbeAnswer[]> } {
  const started = performance.now();
  const pending: Array<Promise<ProbeAnswer>> = [];
  const send = () => {
    const sentAt = performance.now();
    pending.push(
      fetch(options.url, {
        method: "POST",
        headers: { ...options.headers, "content-type": "application/json" },
        body: options.nextBody(),
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (response) => classifyAnswer(response.status, await response.text(), options.subgraph))
        .catch(() => ({ outcome: "error" as const }))
        .then((answer) => ({ sentAtMs: sentAt - started, ms: performance.now() - sentAt, ...answer })),
    );
  };
  send();
  const timer = setInterval(send, options.everyMs);
  return {
    startedAt: started,
    stop() {
      clearInterval(timer);
      return Promise.all(pending);
    },
  };
}
