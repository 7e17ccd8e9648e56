import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "@lib/config/paths";
import type { Environment } from "@lib/env/env";
import { DEFAULT_FROZEN_SEC, DEFAULT_FROZEN_SUBGRAPH, FREEZABLE_SUBGRAPHS } from "./frozen/frozen";
import { DEFAULT_WARMUP_SEC, MAX_WARMUP_CONNECTIONS } from "./rounds/warm-up";
import { DEFAULT_SOAK_MINUTES, SOAK_CONNECTIONS } from "./soak/soak";
import { parseWorkloadNames, WORKLOAD_NAMES, type WorkloadName } from "./workloads";
import { configuredKeySources } from "@lib/auth/auth-env";
import { FULL_WRITE_SIZES, QUICK_WRITE_SIZES, type WriteSizes } from "./writes/write-types";

/** The command line of `npm run bench`, parsed. */
export interface CliOptions {
  /** A running gateway to measure; `null` starts the system (`node dist/scripts/start.js`) on free ports. */
  reuse: string | null;
  durationSec: number;
  warmupSec: number;
  connections: number[];
  workloads: WorkloadName[];
  outDir: string;
  /** Also measure the peer gateway (Hive Gateway) in alternating rounds; `--no-peer` turns it off. */
  peer: boolean;
  /** Data size of the system the harness starts (`--participants`); the default is the launcher's own 20,000. */
  participants: number;
  /**
   * The token every request carries (`--token`, else `BENCH_TOKEN`); required with `--reuse`. Null: the harness signs
   * a counsellor's with the keys of the launcher it starts.
   */
  token: string | null;
  /** Minutes of soak at 64 connections after the rounds (`--soak`); 0: none. */
  soakMinutes: number;
  /** Seconds one subgraph is frozen after the soak (`--frozen`); 0: no frozen phase. */
  frozenSec: number;
  frozenSubgraph: (typeof FREEZABLE_SUBGRAPHS)[number];
  /**
   * The write phase's sizes (bench/writes/), run after the read rounds on a scratch copy of the databases; null with
   * `--no-writes`, with `--reuse` (a running system's data is not ours to write) and with a configured identity provider
   * (the harness signs the writers' tokens with the launcher's keys).
   */
  writes: WriteSizes | null;
  /** `--baseline <git-ref>`: the version before access control, run beside ours (bench/baseline/); null: none. */
  baseline: string | null;
  /** `--report-cache`: the started system's gateway caches report answers (REPORT_CACHE=true); off by default. */
  reportCache: boolean;
}

/** The launcher's default data size: `--participants` with it uses the normal `.data` directory and port. */
export const DEFAULT_PARTICIPANTS = 20_000;

export const USAGE = `usage: npm run bench -- [options]
  --reuse <gatewayUrl>   measure a running system (npm start: http://127.0.0.1:4000/graphql; subgraph
                         metrics are read at the same host on ports 4001–4004) instead of starting one
  --duration <s>         seconds per round (default 10)
  --connections <list>   concurrencies, comma-separated (default 1,16,64)
  --workloads <list>     ${WORKLOAD_NAMES.join(",")} (default all)
  --warmup <s>           unmeasured warm-up seconds per workload and gateway, at the highest of
                         --connections (at most ${MAX_WARMUP_CONNECTIONS}) (default ${DEFAULT_WARMUP_SEC}; 0 skips it)
  --quick                smoke test: 2 s rounds, connections 1,4, 1 s warm-up
  --out <dir>            where results go (default bench/results)
  --no-peer              do not measure the peer gateway (Hive Gateway) alongside ours
  --participants <n>     data size of the system the harness starts (default 20000); other sizes are seeded
                         once into .data/bench-<n> and kept for later runs (not with --reuse)
  --token <jwt>          a counsellor's token, sent with every request (default: env BENCH_TOKEN; required
                         with --reuse; otherwise signed with the keys of the launcher the harness starts)
  --soak <min>           after the rounds, a soak at ${SOAK_CONNECTIONS} connections over the workloads interleaved, every
                         service's RSS read every 10 s (default ${DEFAULT_SOAK_MINUTES}; 0 with --quick; 0 skips it)
  --frozen <s>           then freeze one subgraph (SIGSTOP) for that long, measuring requests that need it and
                         requests that do not (default ${DEFAULT_FROZEN_SEC}; 0 with --quick or --reuse; 0 skips it)
  --frozen-subgraph <n>  which one: ${FREEZABLE_SUBGRAPHS.join(", ")} (default ${DEFAULT_FROZEN_SUBGRAPH})
  --no-writes            skip the write phase (run after the read rounds on a scratch copy of the databases;
                         never with --reuse)
  --allowance-batch <n>  participants paid in the write phase's allowance batch (default 10000; 300 with --quick)
  --baseline <git-ref>   also run that version (e.g. e185dc0, before access control) from a worktree under
                         .data/baseline-<sha>, in rounds rotating with ours, and report the cost of access control
  --report-cache         start the system with the gateway's report cache on (REPORT_CACHE=true; off by default, as
                         the peer caches nothing): the breakdown asked again is then a cache hit, and the report
                         workloads' rounds mostly hits too (not with --reuse)`;

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${text}"`);
  return value;
}

function nonNegative(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be 0 or more, got "${text}"`);
  return value;
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * `--token`, else `BENCH_TOKEN`, without a `Bearer ` prefix if one was pasted; null when neither is given.
 * @throws when the value is not a JWT (three base64url parts), so that a stray paste fails before any round.
 */
export function givenToken(cli: string | undefined, env: Environment): string | null {
  const from = cli !== undefined ? "--token" : "BENCH_TOKEN";
  const raw = (cli ?? env.BENCH_TOKEN)?.trim().replace(/^Bearer\s+/i, "");
  if (!raw) return null;
  if (!JWT.test(raw)) throw new Error(`${from} must be a JWT (header.payload.signature), got "${raw.slice(0, 12)}…"`);
  return raw;
}

/** Parses the arguments (and `BENCH_TOKEN` of `env`); `--quick` sets defaults that explicit options still override. */
export function parseCli(args: string[], env: Environment = process.env): CliOptions | "help" {
  const { values } = parseArgs({
    args,
    options: {
      reuse: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      workloads: { type: "string" },
      warmup: { type: "string" },
      quick: { type: "boolean", default: false },
      out: { type: "string" },
      "no-peer": { type: "boolean", default: false },
      participants: { type: "string" },
      token: { type: "string" },
      soak: { type: "string" },
      frozen: { type: "string" },
      "frozen-subgraph": { type: "string" },
      "no-writes": { type: "boolean", default: false },
      "allowance-batch": { type: "string" },
      baseline: { type: "string" },
      "report-cache": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const quick = values.quick === true;
  const connections = list(values.connections ?? (quick ? "1,4" : "1,16,64")).map((c) => positive("connections", c));
  if (connections.some((c) => !Number.isInteger(c))) throw new Error("--connections must be whole numbers");
  const participants = values.participants !== undefined ? positive("participants", values.participants) : DEFAULT_PARTICIPANTS;
  if (!Number.isInteger(participants) || participants > 10_000_000)
    throw new Error("--participants must be a whole number up to 10,000,000");
  if (values.reuse && values.participants !== undefined)
    throw new Error("--participants must not be combined with --reuse (the running system has its own data)");
  const token = givenToken(values.token, env);
  // a running system's keys are not the harness's to use: its identity provider (or `npm run token`) issues the token
  if (values.reuse && token === null)
    throw new Error("--reuse must be given a counsellor's token: --token <jwt> or BENCH_TOKEN (e.g. from npm run token)");
  const provider = configuredKeySources(env);
  // said before the launcher starts (and perhaps seeds for minutes), not after
  if (token === null && provider.length)
    throw new Error(`with ${provider.join(", ")} set, a counsellor's token must be given: --token <jwt> or BENCH_TOKEN`);
  // the frozen phase signals a subgraph process: only one the harness started itself
  const frozenSec = values.frozen !== undefined ? nonNegative("frozen", values.frozen) : quick || values.reuse ? 0 : DEFAULT_FROZEN_SEC;
  if (values.reuse && frozenSec > 0)
    throw new Error("--frozen must not be combined with --reuse (it stops a subgraph the harness started)");
  if (values.reuse && values["report-cache"])
    throw new Error("--report-cache must not be combined with --reuse (the running system has its own settings)");
  const frozenSubgraph = values["frozen-subgraph"] ?? DEFAULT_FROZEN_SUBGRAPH;
  if (!(FREEZABLE_SUBGRAPHS as readonly string[]).includes(frozenSubgraph))
    throw new Error(`--frozen-subgraph must be one of ${FREEZABLE_SUBGRAPHS.join(", ")}, got "${frozenSubgraph}"`);
  const batch = values["allowance-batch"];
  const allowanceBatch = batch !== undefined ? positive("allowance-batch", batch) : null;
  if (allowanceBatch !== null && !Number.isInteger(allowanceBatch)) throw new Error("--allowance-batch must be a whole number");
  const sizes = quick ? QUICK_WRITE_SIZES : FULL_WRITE_SIZES;
  const writes =
    values["no-writes"] || values.reuse || provider.length ? null : { ...sizes, allowanceBatch: allowanceBatch ?? sizes.allowanceBatch };
  return {
    reuse: values.reuse ?? null,
    durationSec: values.duration ? positive("duration", values.duration) : quick ? 2 : 10,
    warmupSec: values.warmup !== undefined ? nonNegative("warmup", values.warmup) : quick ? 1 : DEFAULT_WARMUP_SEC,
    connections,
    workloads: parseWorkloadNames(values.workloads ? list(values.workloads) : [...WORKLOAD_NAMES]),
    outDir: values.out ? path.resolve(values.out) : path.join(PROJECT_ROOT, "bench", "results"),
    peer: values["no-peer"] !== true,
    participants,
    token,
    soakMinutes: values.soak !== undefined ? nonNegative("soak", values.soak) : quick ? 0 : DEFAULT_SOAK_MINUTES,
    frozenSec,
    frozenSubgraph: frozenSubgraph as CliOptions["frozenSubgraph"],
    writes,
    baseline: values.baseline?.trim() || null,
    reportCache: values["report-cache"] === true,
  };
}
