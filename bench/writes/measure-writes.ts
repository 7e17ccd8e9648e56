import type { DatabaseUrls } from "@lib/platform/prepare-databases";
import { scrapeAll, usageBetween } from "../metrics";
import { measureEventLag, outboxMarks } from "./event-delivery";
import { MIX_ROLES, mixNeeds, mixRequests } from "./mix-requests";
import { fromList, sendWrites, type WriteRequest } from "./send-writes";
import { summarizeByMutation, summarizeSent, writesPerSec } from "./write-figures";
import { writeFixtures } from "./write-fixtures";
import { writeRequest } from "./write-requests";
import { WriterTokens, type SignToken } from "./write-tokens";
import type { BatchFigures, EventLagFigures, RateFigures, WriteResults, WriteSizes } from "./write-types";

/** A running system the write phase may write to (its own scratch copy), and how to sign its users' tokens. */
export interface WriteSystem {
  gatewayUrl: string;
  /** `/metrics` of the gateway (`gateway`) and each subgraph. */
  metricsUrls: Record<string, string>;
  /** The system's databases (all on one server), for the fixtures and the event lag. */
  databaseUrls: DatabaseUrls;
  sign: SignToken;
  transport: EventLagFigures["transport"];
}

/** Unmeasured requests of each mix mutation first, so that the measured ones pay for no cold code or plan. */
const MIX_WARMUP = 10;

/**
 * The write workload against a running system: the concurrency-1 mix (each mutation's latency), then
 * recordCounselingSession at `sizes.connections` for `sizes.counselingSec`, then the month's allowance batch at the
 * same concurrency, then the delivery lag of the events the mix's writes emitted.
 */
export async function measureWrites(
  system: WriteSystem,
  sizes: WriteSizes,
  log: (line: string) => void,
): Promise<Omit<WriteResults, "data" | "sizes" | "loadAverage">> {
  const warmup = Math.min(MIX_WARMUP, sizes.perMutation);
  const mixRounds = warmup + sizes.perMutation;
  const need = mixNeeds(mixRounds);
  log(`writes: preparing ${sizes.allowanceBatch} participants for the allowance batch in the scratch copy`);
  const fixtures = await writeFixtures(system.databaseUrls, sizes.allowanceBatch + need.allowance, need.jobSeeking);
  log(
    `writes: ${fixtures.allowance.length} eligible for ${fixtures.month} (${fixtures.eligibleAsSeeded} as seeded, ` +
      `${fixtures.preparedBySql} made eligible by SQL), ${fixtures.counseled.length} counselled cases`,
  );
  const tokens = new WriterTokens(system.sign);
  const mix = await mixRequests(fixtures, tokens, mixRounds);
  const counseled = fixtures.counseled.slice(need.counseled);
  const batchCases = fixtures.allowance.slice(need.allowance);
  const counselingTokens = await Promise.all(counseled.map((row) => tokens.counselor(row.counselorId, row.centerId)));
  const batch = await Promise.all(
    batchCases.map(async (row) =>
      writeRequest("payAllowance", { participantId: row.id, month: fixtures.month, dependants: 0 }, await tokens.manager(row.centerId)),
    ),
  );
  log(`writes: ${tokens.count} tokens signed (counsellors for their caseloads, managers for their centers)`);
  const send = (concurrency: number, next: () => WriteRequest | null, durationSec?: number) =>
    sendWrites({ url: system.gatewayUrl, concurrency, next, ...(durationSec !== undefined ? { durationSec } : {}) });

  const marks = await outboxMarks(system.databaseUrls);
  await send(1, fromList(mix.slice(0, warmup * Object.keys(MIX_ROLES).length)));
  log(`writes: ${sizes.perMutation} of each of ${Object.keys(MIX_ROLES).length} mutations at concurrency 1`);
  const measured = await send(1, fromList(mix.slice(warmup * Object.keys(MIX_ROLES).length)));
  const all = summarizeSent(measured.sent);

  log(`writes: recordCounselingSession at concurrency ${sizes.connections} for ${sizes.counselingSec} s`);
  let turn = 0;
  const used = { participants: new Set<string>(), counselors: new Set<number>() };
  const nextSession = () => {
    const i = turn++ % counseled.length;
    used.participants.add(counseled[i].id);
    used.counselors.add(counseled[i].counselorId);
    return writeRequest(
      "recordCounselingSession",
      { participantId: counseled[i].id, mode: "IN_PERSON", topic: "취업 상담" },
      counselingTokens[i],
    );
  };
  const before = await scrapeAll(system.metricsUrls, log);
  const sessions = await send(sizes.connections, nextSession, sizes.counselingSec);
  const counselingUsage = usageBetween(before, await scrapeAll(system.metricsUrls, log), sessions.sent.length);
  const sessionSummary = summarizeSent(sessions.sent);
  const counseling: RateFigures = {
    mutation: "recordCounselingSession",
    connections: sizes.connections,
    durationSec: sessions.elapsedSec,
    ...sessionSummary,
    writesPerSec: writesPerSec(sessionSummary, sessions.elapsedSec),
    participants: used.participants.size,
    writers: used.counselors.size,
    services: counselingUsage,
  };

  log(`writes: payAllowance for ${fixtures.month}, ${batch.length} participants at concurrency ${sizes.connections}`);
  const beforeBatch = await scrapeAll(system.metricsUrls, log);
  const paid = await send(sizes.connections, fromList(batch));
  const batchUsage = usageBetween(beforeBatch, await scrapeAll(system.metricsUrls, log), paid.sent.length);
  const batchSummary = summarizeSent(paid.sent);
  const batchFigures: BatchFigures = {
    mutation: "payAllowance",
    month: fixtures.month,
    connections: sizes.connections,
    totalSec: paid.elapsedSec,
    ...batchSummary,
    writesPerSec: writesPerSec(batchSummary, paid.elapsedSec),
    participants: batch.length,
    writers: new Set(batchCases.map((row) => row.centerId)).size,
    eligibleAsSeeded: Math.max(0, fixtures.eligibleAsSeeded - need.allowance),
    preparedBySql: fixtures.preparedBySql,
    services: batchUsage,
  };

  log("writes: waiting for every agency to handle the mix's events");
  const events = await measureEventLag(system.databaseUrls, marks, system.transport);
  const mutations = summarizeByMutation(measured.sent).map((m) => ({ ...m, role: MIX_ROLES[m.mutation] ?? "?" }));
  return {
    mix: { connections: 1, latencyMs: all.latencyMs, requests: all.requests, errors: all.errors, mutations },
    counseling,
    batch: batchFigures,
    events,
  };
}
