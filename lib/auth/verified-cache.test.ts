import { VerifiedTokenCache } from "./verified-cache";
import { userOf } from "./viewer";

const user = userOf({ sub: "1", name: "x", role: "ANALYST", org: null });

describe("VerifiedTokenCache", () => {
  it("keeps a verified token until its expiry and no longer", () => {
    const cache = new VerifiedTokenCache(10, 300_000);
    const now = 1_000_000_000_000;
    cache.set("t", user, now / 1000 + 60, now);
    expect(cache.get("t", now + 59_000)).toBe(user);
    expect(cache.get("t", now + 60_000)).toBeUndefined();
  });

  it("keeps an entry at most maxAgeMs, and never one without expiry or already expired", () => {
    const cache = new VerifiedTokenCache(10, 1000);
    const now = 2_000_000_000_000;
    cache.set("long", user, now / 1000 + 3600, now);
    expect(cache.get("long", now + 999)).toBe(user);
    expect(cache.get("long", now + 1000)).toBeUndefined();
    cache.set("no-exp", user, undefined, now);
    cache.set("expired", user, now / 1000 - 1, now);
    expect(cache.get("no-exp", now)).toBeUndefined();
    expect(cache.get("expired", now)).toBeUndefined();
  });

  it("evicts the oldest entry when full", () => {
    const cache = new VerifiedTokenCache(2, 60_000);
    const now = 3_000_000_000_000;
    for (const token of ["a", "b", "c"]) cache.set(token, user, now / 1000 + 60, now);
    expect([cache.get("a", now), cache.get("b", now), cache.get("c", now)]).toEqual([undefined, user, user]);
  });
});
