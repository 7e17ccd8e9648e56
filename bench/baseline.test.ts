import { costPercent, costRows, costSection, costTableRow, costTarget } from "./baseline/cost";
import { alignFixtures, centerOfToken } from "./baseline/fixtures";
import { describeDifference, lockDifferences, missingDirectDependencies, packageNameOf } from "./baseline/lock-compat";
import { buildCommand } from "./baseline/worktree";
import type { Fixtures } from "./fixtures";
import type { LoadResult } from "./load";
import { parseCli } from "./options";
import { roundOrder } from "./rounds/round";
import { launcherReadyUrl } from "./system";
import type { BenchResults, RoundResult } from "./types";

function load(requestsPerSec: number, p99: number, errors = 0): LoadResult {
  return {
    durationSec: 10,
    requests: requestsPerSec * 10,
    sent: requestsPerSec * 10,
    requestsPerSec,
    latencyMs: { p50: p99 / 2, p95: p99 * 0.9, p99, mean: p99 / 2, max: p99 * 2 },
    errors: { total: errors, non2xx: errors, timeouts: 0, connection: 0, graphql: 0 },
  };
}

function round(workload: RoundResult["workload"], connections: number, ours: number, baseline?: number, baselineErrors = 0): RoundResult {
  return {
    workload,
    connections,
    ...load(ours, 40),
    services: {},
    ...(baseline === undefined ? {} : { baseline: { ...load(baseline, 30, baselineErrors), services: {} } }),
  };
}

describe("--baseline: the cost of access control", () => {
  it("is 1 − ours/baseline requests/s in percent, null when the baseline served nothing", () => {
    expect(costPercent(85, 100)).toBeCloseTo(15, 10);
    expect(costPercent(120, 100)).toBeCloseTo(-20, 10);
    expect(costPercent(50, 0)).toBeNull();
    expect(costPercent(null, 100)).toBeNull();
  });

  it("judges the target only for Participant360 and Caseload at concurrency 16: at most 15%, no request failed", () => {
    expect(costTarget("Participant360", 16, 15)).toEqual({ maxCostPct: 15, met: true });
    expect(costTarget("Caseload", 16, 15.1)).toEqual({ maxCostPct: 15, met: false });
    expect(costTarget("Caseload", 16, null)).toEqual({ maxCostPct: 15, met: false });
    expect(costTarget("Caseload", 16, -50, 1)).toEqual({ maxCostPct: 15, met: false });
    expect(costTarget("Caseload", 1, 40)).toBeNull();
    expect(costTarget("ProgramReport", 16, 40)).toBeNull();
  });

  it("makes one row per round with a baseline, and its table row", () => {
    const rows = costRows([round("Participant360", 16, 90, 100), round("Caseload", 16, 50), round("Caseload", 1, 30, 20)]);
    expect(rows).toEqual([
      {
        workload: "Participant360",
        connections: 16,
        oursRps: 90,
        baselineRps: 100,
        costPct: expect.closeTo(10, 10) as number,
        oursP99Ms: 40,
        baselineP99Ms: 30,
        oursErrors: 0,
        baselineErrors: 0,
        target: { maxCostPct: 15, met: true },
      },
      {
        workload: "Caseload",
        connections: 1,
        oursRps: 30,
        baselineRps: 20,
        costPct: expect.closeTo(-50, 10) as number,
        oursP99Ms: 40,
        baselineP99Ms: 30,
        oursErrors: 0,
        baselineErrors: 0,
        target: null,
      },
    ]);
    expect(costTableRow(rows[0])).toEqual(["Participant360", "16", "90.0", "100.0", "10.0", "40.0", "30.0", "0 / 0", "≤ 15%: met"]);
    expect(costTableRow({ ...rows[0], oursRps: 80, costPct: 20, target: { maxCostPct: 15, met: false } })).toEqual([
      "Participant360",
      "16",
      "80.0",
      "100.0",
      "20.0",
      "40.0",
      "30.0",
      "0 / 0",
      "≤ 15%: missed",
    ]);
    expect(costTableRow(rows[1])[8]).toBe("–");
    const failing = costRows([round("Caseload", 16, 200, 100, 3)])[0];
    expect(failing.target).toEqual({ maxCostPct: 15, met: false });
    expect(costTableRow(failing).slice(4)).toEqual(["-100.0", "40.0", "30.0", "0 / 3", "≤ 15%: missed (errors)"]);
  });

  it("writes the Markdown section only when a baseline ran", () => {
    const results = { rounds: [round("Caseload", 16, 85, 100)] } as unknown as BenchResults;
    expect(costSection(results)).toEqual([]);
    const about = {
      ref: "e185dc0",
      sha: "e185dc0ff3",
      install: "linked",
      reason: "agree",
      url: "http://b/graphql",
      center: "21",
      participants: 20000,
    };
    const section = costSection({ ...results, baseline: about } as BenchResults);
    expect(section[1]).toBe("## Cost of access control (ours vs the version before it, same run)");
    expect(section.at(-1)).toBe("| Caseload | 16 | 85.0 | 100.0 | 15.0 | 40.0 | 30.0 | 0 / 0 | ≤ 15%: met |");
  });
});

describe("--baseline: package-lock compatibility", () => {
  const lock = (packages: Record<string, { version?: string; link?: boolean }>, dependencies: Record<string, string> = {}) => ({
    packages: { "": { version: "0.1.0", dependencies } as { version: string }, ...packages },
  });

  it("names a package by the last node_modules of its path", () => {
    expect(packageNameOf("node_modules/@apollo/gateway/node_modules/@apollo/utils.keyvaluecache")).toBe("@apollo/utils.keyvaluecache");
    expect(packageNameOf("")).toBe("");
  });

  it("compares the installed versions of the watched packages, wherever in the tree they sit", () => {
    const ours = lock({
      "node_modules/@apollo/utils.keyvaluecache": { version: "4.0.0" },
      "node_modules/@apollo/gateway/node_modules/@apollo/utils.keyvaluecache": { version: "2.1.1" },
      "node_modules/pg": { version: "8.23.1" },
      "node_modules/jose": { version: "6.2.18" },
    });
    const hoistedOtherwise = lock({
      "node_modules/@apollo/utils.keyvaluecache": { version: "2.1.1" },
      "node_modules/@apollo/server/node_modules/@apollo/utils.keyvaluecache": { version: "4.0.0" },
      "node_modules/pg": { version: "8.23.1" },
    });
    expect(lockDifferences(ours, hoistedOtherwise)).toEqual([]);
  });

  it("reports a watched package at another version or missing, and ignores the others", () => {
    const ours = lock({
      "node_modules/pg": { version: "8.23.1" },
      "node_modules/graphql": { version: "16.15.0" },
      "node_modules/jose": { version: "6" },
    });
    const theirs = lock({
      "node_modules/pg": { version: "8.16.0" },
      "node_modules/typeorm": { version: "1.1.0" },
      "node_modules/graphql": { version: "16.15.0" },
    });
    const differences = lockDifferences(ours, theirs);
    expect(differences).toEqual([
      { name: "pg", ours: ["8.23.1"], baseline: ["8.16.0"] },
      { name: "typeorm", ours: [], baseline: ["1.1.0"] },
    ]);
    expect(differences.map(describeDifference)).toEqual(["pg 8.16.0 ≠ 8.23.1", "typeorm 1.1.0 ≠ absent"]);
  });

  it("finds the baseline's direct dependencies that ours does not install at the top", () => {
    const ours = lock({ "node_modules/pg": { version: "8.23.1" } });
    const theirs = lock({ "node_modules/pg": { version: "8.23.1" } }, { pg: "^8", "left-pad": "^1" });
    expect(missingDirectDependencies(ours, theirs)).toEqual(["left-pad"]);
  });

  it("builds without the install step when node_modules is linked, with npm run build otherwise", () => {
    const packageJson = { scripts: { build: "node scripts/ensure-installed.js && swc lib gateway -d dist --quiet" } };
    expect(buildCommand(packageJson, true)).toBe("swc lib gateway -d dist --quiet");
    expect(buildCommand(packageJson, false)).toBe("npm run build --silent");
    expect(() => buildCommand({}, true)).toThrow("no build script");
  });
});

describe("--baseline: rounds and fixtures", () => {
  it("rotates ours, the peer and the baseline by one place per round; ours and the peer alone alternate as before", () => {
    const both = { peer: true, baseline: true };
    expect([0, 1, 2, 3].map((i) => roundOrder(i, both))).toEqual([
      ["ours", "peer", "baseline"],
      ["peer", "baseline", "ours"],
      ["baseline", "ours", "peer"],
      ["ours", "peer", "baseline"],
    ]);
    expect([0, 1].map((i) => roundOrder(i, { peer: true, baseline: false }))).toEqual([
      ["ours", "peer"],
      ["peer", "ours"],
    ]);
    expect(roundOrder(1, { peer: false, baseline: true })).toEqual(["baseline", "ours"]);
    expect(roundOrder(5, { peer: false, baseline: false })).toEqual(["ours"]);
  });

  it("gives both sides the token's center, lists of one length and the regions they share", () => {
    const ours: Fixtures = {
      participantCount: 3,
      participantIds: ["1", "2", "3"],
      employmentCenterIds: ["21", "22"],
      caseloadCenterIds: ["21"],
      regionCodes: ["11", "26", "28"],
      reportYears: [2021, 2022],
    };
    const theirs: Fixtures = {
      participantCount: 20000,
      participantIds: ["7", "8"],
      employmentCenterIds: ["21"],
      caseloadCenterIds: ["21"],
      regionCodes: ["28", "11"],
      reportYears: [2021, 2022],
    };
    expect(alignFixtures(ours, theirs, "21")).toEqual({
      ours: {
        participantCount: 3,
        participantIds: ["1", "2"],
        employmentCenterIds: ["21"],
        caseloadCenterIds: ["21"],
        regionCodes: ["11", "28"],
        reportYears: [2021, 2022],
      },
      baseline: {
        participantCount: 20000,
        participantIds: ["7", "8"],
        employmentCenterIds: ["21"],
        caseloadCenterIds: ["21"],
        regionCodes: ["11", "28"],
        reportYears: [2021, 2022],
      },
    });
    expect(() => alignFixtures(ours, { ...theirs, participantIds: [] }, "21")).toThrow("no participants of employment center 21");
    const counselors = alignFixtures({ ...ours, counselorIds: ["3", "5", "9"] }, { ...theirs, counselorIds: ["9", "3", "4"] }, "21");
    expect([counselors.ours.counselorIds, counselors.baseline.counselorIds]).toEqual([
      ["3", "9"],
      ["3", "9"],
    ]);
  });

  it("reads the token's office without verifying it", () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(centerOfToken(`${part({ alg: "ES256" })}.${part({ role: "COUNSELOR", org: 21 })}.sig`)).toBe("21");
    expect(() => centerOfToken(`${part({ alg: "ES256" })}.${part({ role: "ANALYST" })}.sig`)).toThrow("org claim");
  });

  it("knows the ready line of today's launcher and of the version before", () => {
    expect(launcherReadyUrl('{"level":"info","service":"launcher","msg":"GraphiQL: http://127.0.0.1:4000/graphql"}')).toBe(
      "http://127.0.0.1:4000/graphql",
    );
    expect(launcherReadyUrl("[start] GraphiQL: http://127.0.0.1:37053/graphql")).toBe("http://127.0.0.1:37053/graphql");
    expect(launcherReadyUrl("[gateway] GraphiQL: http://127.0.0.1:37053/graphql (open in a browser)")).toBeNull();
  });

  it("takes --baseline <ref> from the command line", () => {
    expect(parseCli(["--baseline", "e185dc0"], {})).toMatchObject({ baseline: "e185dc0" });
    expect(parseCli([], {})).toMatchObject({ baseline: null });
  });
});
