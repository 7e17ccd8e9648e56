import type { Express } from "express";

/** One readiness check: true when met, or a short word on what is missing (never an address, a message or SQL). */
export type ReadinessCheck = () => Promise<true | string>;

/**
 * `/healthz` (the process answers: restart it if not) and `/readyz` (it can serve: send it traffic), on the gateway
 * and every subgraph. Readiness turns false as shutdown starts, before requests are drained, so a load balancer
 * stops sending new ones while those in flight finish.
 */
export class Health {
  private shuttingDown = false;

  constructor(private readonly checks: Record<string, ReadinessCheck>) {}

  /** From now on `/readyz` answers 503 `shutting down`. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  /** Each check's outcome, and whether all passed (and no shutdown has begun). */
  async readiness(): Promise<{ ready: boolean; checks: Record<string, true | string> }> {
    const entries = await Promise.all(
      Object.entries(this.checks).map(async ([name, check]) => [name, await check().catch(() => "failed")] as const),
    );
    const checks: Record<string, true | string> = Object.fromEntries(entries);
    if (this.shuttingDown) checks.shutdown = "shutting down";
    return { ready: Object.values(checks).every((value) => value === true), checks };
  }

  mount(app: Express): void {
    app.get("/healthz", (_req, res) => {
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    });
    app.get("/readyz", async (_req, res) => {
      const { ready, checks } = await this.readiness();
      res
        .status(ready ? 200 : 503)
        .set("Cache-Control", "no-store")
        .json({ status: ready ? "ready" : "not ready", checks });
    });
  }
}
