import { setTimeout as sleep } from "node:timers/promises";
import type { PoolClient } from "pg";
import { QueryFailedError } from "typeorm";
import { AbandonableWork, AbandonedRequestError, isAbandonedWork } from "./cancel-abandoned-queries";

/**
 * The order of a cancel and the connection's return to the pool (the cancel itself, against a real server, is
 * test/abandoned-work.e2e.ts). A cancel travels on another connection and can land after the statement ended: the
 * statement's answer, after which its connection goes back to the pool, must wait for it.
 */
describe("AbandonableWork", () => {
  const connection = {} as PoolClient;

  it("hands a statement's answer back only once the cancel sent for it has reached the backend", async () => {
    let delivered!: () => void;
    const work = new AbandonableWork(() => new Promise<void>((resolve) => (delivered = resolve)));
    let finish!: (value: string) => void;
    let settled = false;
    const answer = work.track(connection, () => new Promise<string>((resolve) => (finish = resolve)));
    void answer.then(() => (settled = true));
    work.abandon();
    finish("rows");
    await sleep(20);
    expect(settled).toBe(false);
    delivered();
    expect(await answer).toBe("rows");
    expect(() => work.track(connection, () => Promise.resolve("later"))).toThrow(AbandonedRequestError);
  });

  it("cancels nothing and delays nothing for a request that was not abandoned", async () => {
    const cancels: PoolClient[] = [];
    const work = new AbandonableWork((client) => {
      cancels.push(client);
      return Promise.resolve();
    });
    expect(await work.track(connection, () => Promise.resolve(42))).toBe(42);
    await expect(work.track(connection, () => Promise.reject(new Error("syntax")))).rejects.toThrow("syntax");
    work.abandon(); // nothing running any more
    expect(cancels).toEqual([]);
  });
});

describe("isAbandonedWork", () => {
  const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it("knows a request's own work stopped because its caller left, as the driver or TypeORM hands it on", () => {
    expect(isAbandonedWork(new AbandonedRequestError())).toBe(true);
    expect(isAbandonedWork(new QueryFailedError("SELECT 1", [], new AbandonedRequestError()))).toBe(true);
    const cancelled = driverError("57014", "canceling statement due to user request");
    expect(isAbandonedWork(new QueryFailedError("SELECT 1", [], cancelled))).toBe(true);
  });

  it("leaves every other failure to be reported, statement_timeout's included", () => {
    const timedOut = driverError("57014", "canceling statement due to statement timeout");
    expect(isAbandonedWork(new QueryFailedError("SELECT 1", [], timedOut))).toBe(false);
    expect(isAbandonedWork(driverError("23505", "duplicate key value"))).toBe(false);
    expect(isAbandonedWork(new Error("the request was abandoned"))).toBe(false);
    expect(isAbandonedWork(null)).toBe(false);
  });
});
