import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { RunningGateway } from "../gateway/src/server";
import { bearer, expectRegionDirectoryServed, gatewayVariant, post, type HttpAnswer } from "./abuse/support";
import { startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * Requests per subject (a user by the token's `sub`, anyone else by address): over the limit, HTTP 429 with
 * `RATE_LIMITED` and `Retry-After`, while everyone else goes on being served; in memory, and shared by several
 * gateways through the real Redis on 127.0.0.1:6379 (gateway/src/use-rate-limit.ts).
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const QUERY = '{ region(code: "28") { name } }';
const ANSWER = { data: { region: { name: "인천광역시" } } };

let system: TestSystem;
const gateways: RunningGateway[] = [];
beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await system?.stop();
});

async function variant(rateLimit: Parameters<typeof gatewayVariant>[1]["rateLimit"]): Promise<RunningGateway> {
  const gateway = await gatewayVariant(system, { rateLimit });
  gateways.push(gateway);
  return gateway;
}

const userToken = (sub: string) => tokenFor("COUNSELOR", 21, sub);

function expectServed(answer: HttpAnswer) {
  expect([answer.status, answer.body]).toEqual([200, ANSWER]);
}

function expectLimited(answer: HttpAnswer, points: number, windowSeconds: number) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(windowSeconds - 2);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(answer.body).toEqual({
    errors: [
      {
        message: `Too many requests: at most ${points} every ${windowSeconds} s for each user (each address without a token). Try again in ${retryAfter} s.`,
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter },
      },
    ],
  });
  expect(answer.ms).toBeLessThan(1000);
}

describe("in memory", () => {
  it("refuses a user over the limit with 429 and Retry-After, and keeps serving other users and anonymous callers", async () => {
    const gateway = await variant({ points: 3, windowSeconds: 60 });
    const [a, b] = await Promise.all([userToken("rate-a"), userToken("rate-b")]);
    for (let i = 0; i < 3; i++) expectServed(await post(gateway.url, { query: QUERY }, bearer(a)));
    expectLimited(await post(gateway.url, { query: QUERY }, bearer(a)), 3, 60);
    expectLimited(await post(gateway.url, { query: QUERY }, bearer(a)), 3, 60);
    // another user, and a caller without a token (counted by address), are still served, with correct data
    await expectRegionDirectoryServed(system, gateway.url, b);
    expectServed(await post(gateway.url, { query: QUERY }));
    // a new token of the same user is the same subject
    expectLimited(await post(gateway.url, { query: QUERY }, bearer(await userToken("rate-a"))), 3, 60);
  });

  it("counts anonymous callers by address", async () => {
    const gateway = await variant({ points: 2, windowSeconds: 30 });
    for (let i = 0; i < 2; i++) expectServed(await post(gateway.url, { query: QUERY }));
    expectLimited(await post(gateway.url, { query: QUERY }), 2, 30);
    expectServed(await post(gateway.url, { query: QUERY }, bearer(await userToken("rate-c"))));
  });

  it("leaves the main gateway (the default, 100,000 a minute) alone", async () => {
    for (let i = 0; i < 20; i++) expectServed(await post(system.gateway.url, { query: QUERY }));
  });
});

describe("through Redis", () => {
  const keyPrefix = `njsp-test-rate-${randomUUID()}`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${keyPrefix}*`)).toEqual([]);
    await redis.quit();
  });

  it("shares one count among gateways: the limit holds whichever gateway a user calls", async () => {
    const [first, second] = await Promise.all([
      variant({ points: 4, windowSeconds: 60, redisUrl: REDIS_URL, keyPrefix }),
      variant({ points: 4, windowSeconds: 60, redisUrl: REDIS_URL, keyPrefix }),
    ]);
    const [a, b] = await Promise.all([userToken("redis-a"), userToken("redis-b")]);
    for (const gateway of [first, second, first, second]) expectServed(await post(gateway.url, { query: QUERY }, bearer(a)));
    expect(await redis.get(`${keyPrefix}:user:redis-a`)).toBe("4");
    expectLimited(await post(first.url, { query: QUERY }, bearer(a)), 4, 60);
    expectLimited(await post(second.url, { query: QUERY }, bearer(a)), 4, 60);
    const ttl = await redis.pttl(`${keyPrefix}:user:redis-a`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // another user is served by both
    expectServed(await post(first.url, { query: QUERY }, bearer(b)));
    await expectRegionDirectoryServed(system, second.url, b);
  });

  it("serves everyone, with a logged warning, when Redis cannot be reached", async () => {
    const warnings: string[] = [];
    // port 1: nothing listens there
    const gateway = await variant({
      points: 1,
      windowSeconds: 60,
      redisUrl: "redis://127.0.0.1:1",
      keyPrefix,
      log: (m) => warnings.push(m),
    });
    const token = await userToken("redis-down");
    for (let i = 0; i < 3; i++) expectServed(await post(gateway.url, { query: QUERY }, bearer(token)));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toMatch(/^\[gateway\] rate limit: .*requests are not limited until it is back\.$/);
  });
});
