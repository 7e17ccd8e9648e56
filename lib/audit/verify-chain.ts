import { Client } from "pg";

/**
 * Walks one database's access log in id order and checks every link of its hash chains (several in parallel, each row
 * in one: lib/db/access-log-chains.ts): each row's `prev_hash` must be the hash of the row before it in its chain
 * (32 zero bytes for a chain's first), and its `hash` must be sha256(prev_hash ||
 * canonical text), recomputed with `access_log_row_text`, the same SQL function the append used (its one
 * definition: lib/db/access-log-tables.ts). An edited row fails the second check; a deleted row fails the first at
 * the row after it; a row moved to another chain breaks both. Deleting a chain's newest rows, or rewriting a whole
 * chain, leaves valid chains: that is what the heads, recorded elsewhere after each run, are for.
 */
export const GENESIS = "00".repeat(32);

export interface ChainLink {
  id: string;
  /** The chain the row belongs to (0 for every row appended before there were several). */
  chain: number;
  prevHash: string;
  hash: string;
  /** sha256 of the row's stored prev_hash and its canonical text, as the database computes it now. */
  recomputed: string;
}

export interface ChainReport {
  rows: number;
  /** The newest row (of any chain); null for an empty log or a broken chain. */
  head: { id: string; hash: string } | null;
  /** Each chain's newest row, by chain: the anchors to keep elsewhere; null when a chain is broken. */
  heads: Array<{ chain: number; id: string; hash: string }> | null;
  /** The first row where the chain breaks, and why; null when it is intact. */
  broken: { rowId: string; reason: string } | null;
}

/** Checks the links of one chain fed in id order; stops at the first break. */
export class ChainWalker {
  private rows = 0;
  private last: { id: string; hash: string } | null = null;
  private broken: ChainReport["broken"] = null;

  /** False once the chain is broken: further links need not be read. */
  push(link: ChainLink): boolean {
    if (this.broken) return false;
    this.rows += 1;
    const expected = this.last?.hash ?? GENESIS;
    if (link.prevHash !== expected) {
      const reason = this.last
        ? `its prev_hash is not the hash of row ${this.last.id}, the row before it: rows between them were deleted, or row ${this.last.id} was altered`
        : "its prev_hash is not the start of the chain: older rows were deleted";
      this.broken = { rowId: link.id, reason };
    } else if (link.recomputed !== link.hash) {
      this.broken = { rowId: link.id, reason: "its content does not match its hash: the row was altered" };
    }
    this.last = { id: link.id, hash: link.hash };
    return this.broken === null;
  }

  report(): Omit<ChainReport, "heads"> {
    return { rows: this.rows, head: this.broken ? null : this.last, broken: this.broken };
  }
}

/** Checks the links of every chain, fed in id order (each to its chain's walker); stops at the first break. */
export class ChainsWalker {
  private readonly chains = new Map<number, ChainWalker>();
  private rows = 0;
  private last: { id: string; hash: string } | null = null;
  private broken: ChainReport["broken"] = null;

  push(link: ChainLink): boolean {
    if (this.broken) return false;
    let walker = this.chains.get(link.chain);
    if (!walker) this.chains.set(link.chain, (walker = new ChainWalker()));
    this.rows += 1;
    this.last = { id: link.id, hash: link.hash };
    if (!walker.push(link)) this.broken = walker.report().broken;
    return this.broken === null;
  }

  report(): ChainReport {
    if (this.broken) return { rows: this.rows, head: null, heads: null, broken: this.broken };
    const heads = [...this.chains].sort(([a], [b]) => a - b).map(([chain, walker]) => ({ chain, ...walker.report().head! }));
    return { rows: this.rows, head: this.last, heads, broken: null };
  }
}

const LINKS = `
  SELECT id::text AS id, chain, encode(prev_hash, 'hex') AS "prevHash", encode(hash, 'hex') AS hash,
         encode(sha256(prev_hash || convert_to(access_log_row_text(l), 'UTF8')), 'hex') AS recomputed
  FROM access_log l WHERE l.id > $1 ORDER BY l.id LIMIT $2`;
// `l.id`, never `id`: in ORDER BY a bare name is the output column, here the id as text (1, 10, 11, …, 2)

/** Verifies the chain of the database `client` is connected to, in one read-only snapshot, `batch` rows at a time. */
export async function verifyChain(client: Pick<Client, "query">, batch = 5000): Promise<ChainReport> {
  const walker = new ChainsWalker();
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    let after = "0";
    for (;;) {
      const { rows } = await client.query<ChainLink>(LINKS, [after, batch]);
      if (!rows.every((link) => walker.push(link)) || rows.length < batch) break;
      after = rows[rows.length - 1].id;
    }
  } finally {
    await client.query("COMMIT");
  }
  return walker.report();
}

/** Verifies the chain of the database at `url` (a connection of its own, closed after). */
export async function verifyDatabase(url: string): Promise<ChainReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await verifyChain(client);
  } finally {
    await client.end();
  }
}
