import type { GraphQLError } from "graphql";
import { ANONYMOUS, type User } from "@lib/auth/viewer";
import { subjectOf, useRateLimit } from "./use-rate-limit";

const user = { kind: "user", sub: "counselor-7" } as User;

it("counts a user by the token's subject and anyone else by address", () => {
  expect(subjectOf(user, "10.0.0.1")).toBe("user:counselor-7");
  expect(subjectOf(ANONYMOUS, "10.0.0.1")).toBe("ip:10.0.0.1");
  expect(subjectOf(undefined, undefined)).toBe("ip:unknown");
});

it("admits the allowed number of requests per subject, then refuses with RATE_LIMITED, 429 and Retry-After", async () => {
  const limit = await useRateLimit({ points: 2, windowSeconds: 60 });
  await limit.admit("ip:a");
  await limit.admit("ip:a");
  const refusal = (await limit.admit("ip:a").catch((error: unknown) => error)) as GraphQLError;
  expect(refusal.message).toMatch(
    /^Too many requests: at most 2 every 60 s for each user \(each address without a token\)\. Try again in (60|59) s\.$/,
  );
  expect(refusal.extensions.code).toBe("RATE_LIMITED");
  const http = refusal.extensions.http as unknown as { status: number; headers: Map<string, string> };
  expect(http.status).toBe(429);
  expect(http.headers.get("retry-after")).toBe(String(refusal.extensions.retryAfterSeconds));
  // another subject is still served
  await expect(limit.admit("ip:b")).resolves.toBeUndefined();
  await limit.close();
});

it("limits nothing with 0 points", async () => {
  const limit = await useRateLimit({ points: 0, windowSeconds: 60 });
  for (let i = 0; i < 100; i++) await limit.admit("ip:a");
  await limit.close();
});

it("lets requests through when Redis cannot be reached, with one warning", async () => {
  const warnings: string[] = [];
  // port 1: nothing listens there
  const limit = await useRateLimit({
    points: 1,
    windowSeconds: 60,
    redisUrl: "redis://127.0.0.1:1",
    log: (message) => warnings.push(message),
  });
  for (let i = 0; i < 5; i++) await limit.admit("ip:a");
  await limit.close();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^\[gateway\] rate limit: .*requests are not limited until it is back\.$/);
});
