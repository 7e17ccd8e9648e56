import type { User } from "./viewer";

/**
 * Tokens already verified by this process, so that a user's many requests (and every subgraph call of each) pay for
 * the signature check once, not each time: an ES256 check costs about as much as a small query. An entry lives until
 * the token's own expiry, at most `maxAgeMs`, so an expired token is never accepted from the cache; the cache is keyed
 * by the whole token, so a token that differs in any byte is verified afresh. Bounded: the oldest entries go first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { user: User; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 300_000,
  ) {}

  get(token: string, now = Date.now()): User | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  /** Remembers `user` for `token` until `expiresAtSeconds` (the `exp` claim), or `maxAgeMs` if sooner. */
  set(token: string, user: User, expiresAtSeconds: number | undefined, now = Date.now()): void {
    const until = Math.min(now + this.maxAgeMs, expiresAtSeconds === undefined ? now : expiresAtSeconds * 1000);
    if (until <= now) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { user, until });
  }
}
