import { setTimeout as sleep } from "node:timers/promises";
import { abandonedCallError } from "./client-gone";
import { subgraphUnavailableError } from "./errors";
import { createSubgraphBreaker, isBreakerOpenError, type BreakerGaugeValue } from "./subgraph-breaker";

const refused = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
const timedOut = () => Object.assign(new Error("subgraph request timed out"), { code: "SUBGRAPH_TIMEOUT" });
/** A call that fails as the data source makes it fail: a SUBGRAPH_UNAVAILABLE error. */
const failing =
  (calls: { n: number }, cause = refused) =>
  () => {
    calls.n++;
    return Promise.reject(subgraphUnavailableError("welfare-partners", cause()));
  };

describe("createSubgraphBreaker", () => {
  it("opens after the configured failures, refuses at once while open, and closes after a good trial call", async () => {
    const states: BreakerGaugeValue[] = [];
    const breaker = createSubgraphBreaker({ failures: 3, halfOpenAfterMs: 100, retries: 0 }, (s) => states.push(s));
    const calls = { n: 0 };
    for (let i = 0; i < 3; i++) await expect(breaker.execute(failing(calls), { query: true })).rejects.toThrow(/unavailable/);
    expect(breaker.state()).toBe(2);
    const started = Date.now();
    const error = await breaker.execute(failing(calls), { query: true }).catch((e: unknown) => e);
    expect(isBreakerOpenError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(20);
    expect(calls.n).toBe(3); // the refused call never reached the subgraph

    await sleep(120);
    await expect(breaker.execute(() => Promise.resolve("ok"), { query: true })).resolves.toBe("ok");
    expect(breaker.state()).toBe(0);
    expect(states).toEqual([2, 1, 0]);
  });

  it("does not count a client's mistake (an error that is not SUBGRAPH_UNAVAILABLE)", async () => {
    const breaker = createSubgraphBreaker({ failures: 1, halfOpenAfterMs: 1000, retries: 0 });
    await expect(breaker.execute(() => Promise.reject(new Error("BAD_USER_INPUT")), { query: true })).rejects.toThrow("BAD_USER_INPUT");
    expect(breaker.state()).toBe(0);
  });

  it("retries a query's quick failure once, but never a mutation's and never a timeout", async () => {
    const breaker = createSubgraphBreaker({ failures: 100, halfOpenAfterMs: 1000, retries: 1 });
    const query = { n: 0 };
    await expect(breaker.execute(failing(query), { query: true })).rejects.toThrow();
    expect(query.n).toBe(2);
    const mutation = { n: 0 };
    await expect(breaker.execute(failing(mutation), { query: false })).rejects.toThrow();
    expect(mutation.n).toBe(1);
    const slow = { n: 0 };
    await expect(breaker.execute(failing(slow, timedOut), { query: true })).rejects.toThrow(/did not answer/);
    expect(slow.n).toBe(1);
  });

  it("answers with the second attempt when the retry succeeds", async () => {
    const breaker = createSubgraphBreaker({ failures: 100, halfOpenAfterMs: 1000, retries: 1 });
    let n = 0;
    const flaky = () => (++n === 1 ? Promise.reject(subgraphUnavailableError("job-centers", refused())) : Promise.resolve("second"));
    await expect(breaker.execute(flaky, { query: true })).resolves.toBe("second");
  });

  it("counts neither way a call its client abandoned, and never retries it", async () => {
    const breaker = createSubgraphBreaker({ failures: 3, halfOpenAfterMs: 1000, retries: 1 });
    const calls = { n: 0 };
    await expect(breaker.execute(failing(calls), { query: true })).rejects.toThrow(/unavailable/); // two failures (retried)
    let abandoned = 0;
    const abandon = () => (abandoned++, Promise.reject(abandonedCallError("welfare-partners")));
    for (let i = 0; i < 3; i++) await expect(breaker.execute(abandon, { query: true })).rejects.toThrow(/closed the request/);
    expect(abandoned).toBe(3);
    expect(breaker.state()).toBe(0); // not failures: still one short of opening
    await expect(breaker.execute(failing(calls), { query: true })).rejects.toThrow();
    expect(calls.n).toBe(3);
    expect(breaker.state()).toBe(2); // nor successes: the failure before them still counted
  });

  it("stays open when the half-open trial call is abandoned by its client", async () => {
    const breaker = createSubgraphBreaker({ failures: 1, halfOpenAfterMs: 50, retries: 0 });
    await expect(breaker.execute(failing({ n: 0 }), { query: true })).rejects.toThrow(/unavailable/);
    await sleep(70);
    await expect(breaker.execute(() => Promise.reject(abandonedCallError("welfare-partners")), { query: true })).rejects.toThrow(
      /closed the request/,
    );
    expect(breaker.state()).toBe(2); // the subgraph has not proved itself
  });
});
