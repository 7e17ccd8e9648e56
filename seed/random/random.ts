import { createHash } from "node:crypto";

/** 128 bits that identify one seed string; every random stream of a seeding run derives from them. */
export type SeedKey = readonly [number, number, number, number];

/** The seed string's key: the first 16 bytes of its SHA-256, so similar strings give unrelated data. */
export function seedKey(seed: string): SeedKey {
  const digest = createHash("sha256").update(seed, "utf8").digest();
  return [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A small, fast seeded generator (sfc32). Seeding never touches Math.random or the clock: the same key, stream and
 * index always give the same numbers, whatever order participants are generated in.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // the first outputs of sfc32 still resemble the seed words
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** The generator of item `index` of purpose `stream` (e.g. participant 41 of the participant stream). */
  static derive(key: SeedKey, stream: number, index: number): Random {
    const salt = mix32(Math.imul(stream + 1, 0x9e3779b9) ^ mix32(index + 0x632be5ab));
    return new Random(mix32(key[0] ^ salt), mix32(key[1] + salt), mix32(key[2] ^ mix32(salt)), mix32(key[3] + index));
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** An index drawn with the weights whose running totals are `cumulative` (ascending, last = total). */
  weighted(cumulative: readonly number[]): number {
    const target = this.float() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A UUID shaped like version 4 (random), made of this generator's bits. */
  uuid(): string {
    let hex = "";
    for (let i = 0; i < 4; i += 1) {
      const word = this.next();
      hex += HEX[word >>> 24] + HEX[(word >>> 16) & 255] + HEX[(word >>> 8) & 255] + HEX[word & 255];
    }
    const variant = "89ab"[parseInt(hex[16], 16) & 3];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** Running totals of `weights`, the form `Random.weighted` takes. */
export function cumulate(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}

/** Streams of a seeding run: one per purpose, so adding draws to one never shifts another. */
export const STREAM = { directory: 1, participant: 2, jobEnd: 3 } as const;
