import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT, SCHEMA_DIR } from "@lib/config/paths";
import { createGateway, type RunningGateway } from "../gateway/src/server";
import { parseCsv } from "./support/csv";
import { contract, startSystem, subgraphUrlsOf, type TestSystem } from "./support/system";
import { TEST_AUTH, testVerifier, tokenFor } from "./support/test-auth";

/**
 * `GET /reports/program-breakdown.csv`: the graph's `ProgramBreakdown` for the same token, as a spreadsheet reads
 * it. Every expectation below is the graph's own answer (the contract operation, sent to /graphql), written out
 * with the words the issue asks for; the CSV is parsed back by a reader of its own (support/csv.ts).
 */
const FIGURES = [
  "applicants",
  "participantsStarted",
  "employed",
  "placementEmployments",
  "employmentRate",
  "placementShare",
  "medianDaysToEmployment",
  "retainedAt6Months",
  "retainedAt12Months",
  "allowancePaidWon",
];
const FIGURE_HEADERS = [
  "신청자",
  "참여자",
  "취업자",
  "알선취업",
  "취업률",
  "알선취업 비율",
  "취업까지 일수 중앙값",
  "6개월 고용유지율",
  "12개월 고용유지율",
  "구직촉진수당 지급액(원)",
];
const WORDS: Record<string, string> = {
  TYPE_I_REQUIREMENT: "Ⅰ유형 요건심사형",
  TYPE_I_SELECTION: "Ⅰ유형 선발형",
  TYPE_II_SPECIFIC: "Ⅱ유형 특정계층",
  TYPE_II_YOUTH: "Ⅱ유형 청년",
  TYPE_II_MIDDLE_AGED: "Ⅱ유형 중장년",
  UNDER_18: "18세 미만",
  YOUTH: "청년(18–34세)",
  MIDDLE_AGED: "중장년(35–69세)",
  OVER_69: "70세 이상",
};
const COLUMN: Record<string, { header: string; value: (key: any) => string }> = {
  REGION: { header: "지역", value: (key) => key.region.name },
  TRACK: { header: "유형", value: (key) => WORDS[key.track] },
  AGE_BAND: { header: "연령대", value: (key) => WORDS[key.ageBand] },
  QUARTER: { header: "분기", value: (key) => String(key.quarter) },
};

/** A figure as the file must hold it: the graph's number as JavaScript writes it, nothing for null. */
const field = (value: number | null) => (value === null ? "" : String(value));

/** The rows the file must hold for a breakdown the graph gave: header, one row per cell, the national total. */
function expectedRows(breakdown: any): string[][] {
  const by: string[] = breakdown.by;
  return [
    [...by.map((d) => COLUMN[d].header), ...FIGURE_HEADERS, "비공개"],
    ...breakdown.cells.map((cell: any) => [
      ...by.map((d) => COLUMN[d].value(cell.key)),
      ...FIGURES.map((f) => field(cell[f])),
      cell.suppressed ? "Y" : "",
    ]),
    [...by.map((_, i) => (i === 0 ? "전국 합계" : "")), ...FIGURES.map((f) => field(breakdown.total[f])), ""],
  ];
}

let system: TestSystem;
let base: string;
let analyst: string;
let manager: string;
beforeAll(async () => {
  system = await startSystem();
  base = system.gateway.url.replace(/\/graphql$/, "");
  analyst = await tokenFor("ANALYST");
  manager = await tokenFor("CENTER_MANAGER", 21, "manager-test");
});
afterAll(() => system?.stop());

function csv(query: string, token?: string | null, gatewayBase = base): Promise<Response> {
  return fetch(`${gatewayBase}/reports/program-breakdown.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The graph's answer for the same question and token, through /graphql. */
async function graphAnswer(variables: Record<string, unknown>, token: string) {
  const answer = await contract(system, "ProgramBreakdown", variables, token);
  expect((answer.errors ?? []).filter((e) => e.extensions?.code !== "SUPPRESSED")).toEqual([]);
  return answer.data!.programBreakdown;
}

async function csvRows(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  // the UTF-8 byte order mark, so that Excel reads the Korean headers as UTF-8
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString("utf8"));
}

describe("the breakdown as CSV", () => {
  it("2022 by track and age band, for an analyst: the graph's cells, suppressed ones empty, then the total", async () => {
    const response = await csv("year=2022&by=TRACK,AGE_BAND", analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="program-breakdown-2022-TRACK-AGE_BAND.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    // a request id, as /graphql answers carry: the same id is in the gateway's request log and the agencies' logs
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await csvRows(response);
    const breakdown = await graphAnswer({ year: 2022, by: ["TRACK", "AGE_BAND"] }, analyst);
    expect(rows).toEqual(expectedRows(breakdown));
    expect(rows[0]).toEqual([
      "유형",
      "연령대",
      "신청자",
      "참여자",
      "취업자",
      "알선취업",
      "취업률",
      "알선취업 비율",
      "취업까지 일수 중앙값",
      "6개월 고용유지율",
      "12개월 고용유지율",
      "구직촉진수당 지급액(원)",
      "비공개",
    ]);
    // the demo data has small cells an analyst may not see: they are in the file, marked, their withheld figures empty
    const suppressed = rows.filter((row) => row.at(-1) === "Y");
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) expect(row.slice(2, 2 + FIGURES.length)).toContain("");
    expect(rows.at(-1)!.slice(0, 2)).toEqual(["전국 합계", ""]);
    expect(rows).toHaveLength(breakdown.cells.length + 2);
  });

  it("the same for a center manager: their own office in full, nothing suppressed", async () => {
    const rows = await csvRows(await csv("year=2022&by=TRACK,AGE_BAND", manager));
    const breakdown = await graphAnswer({ year: 2022, by: ["TRACK", "AGE_BAND"] }, manager);
    expect(rows).toEqual(expectedRows(breakdown));
    expect(breakdown.cells.some((cell: any) => cell.suppressed)).toBe(false);
    expect(rows.filter((row) => row.at(-1) === "Y")).toEqual([]);
    expect(Number(rows.at(-1)![2])).toBe(breakdown.total.applicants);
  });

  it("by one dimension: one column of region names, as the graph orders them", async () => {
    const response = await csv("year=2022&by=REGION", analyst);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="program-breakdown-2022-REGION.csv"');
    const rows = await csvRows(response);
    const breakdown = await graphAnswer({ year: 2022, by: ["REGION"] }, analyst);
    expect(rows).toEqual(expectedRows(breakdown));
    expect(rows.slice(1, -1).map((row) => row[0])).toHaveLength(17);
    expect(rows[1][0]).toBe("서울특별시");
  });

  it("takes the dimensions repeated as well as comma-separated", async () => {
    const [repeated, commas] = await Promise.all([
      csv("year=2022&by=QUARTER&by=TRACK", analyst),
      csv("year=2022&by=QUARTER,TRACK", analyst),
    ]);
    expect(await repeated.text()).toBe(await commas.text());
  });
});

describe("refusals", () => {
  /** The error the file route answers must be the graph's own, code and message. */
  async function expectGraphError(query: string, variables: Record<string, unknown>) {
    const response = await csv(query, analyst);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    const graph = await contract(system, "ProgramBreakdown", variables, analyst);
    expect(graph.errors).toHaveLength(1);
    expect(graph.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toBe(graph.errors![0].message);
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    return body.errors[0];
  }

  it("a year that is not a number, no year, an unknown or repeated dimension, none or three: 400 with the graph's message", async () => {
    await expectGraphError("year=twenty&by=TRACK", { year: "twenty", by: ["TRACK"] });
    await expectGraphError("by=TRACK", { by: ["TRACK"] });
    await expectGraphError("year=2022&by=TRACK,COLOUR", { year: 2022, by: ["TRACK", "COLOUR"] });
    expect((await expectGraphError("year=2022&by=TRACK,TRACK", { year: 2022, by: ["TRACK", "TRACK"] })).extensions.argumentName).toBe("by");
    expect((await expectGraphError("year=2022", { year: 2022, by: [] })).extensions.argumentName).toBe("by");
    await expectGraphError("year=2022&by=TRACK,GENDER,MONTH", { year: 2022, by: ["TRACK", "GENDER", "MONTH"] });
  });

  it("a year outside the data: 404, no file", async () => {
    const response = await csv("year=1999&by=TRACK", analyst);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: "There are no figures for the year 1999: it is outside the program's data.", extensions: { code: "NOT_FOUND" } }],
    });
  });

  it("no token: 401 asking for one; a bad token: 401 with the gateway's reason", async () => {
    const none = await csv("year=2022&by=TRACK", null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect((await none.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");

    const forged = `${analyst.slice(0, -4)}AAAA`;
    const bad = await csv("year=2022&by=TRACK", forged);
    expect(bad.status).toBe(401);
    const graph = await contract(system, "ProgramBreakdown", { year: 2022, by: ["TRACK"] }, forged);
    expect((await bad.json()).errors).toEqual([{ message: graph.errors![0].message, extensions: { code: "UNAUTHENTICATED" } }]);
  });

  it("a counsellor reads the national breakdown as the graph gives it to them: the analyst's, suppressed alike", async () => {
    // every role holds report:read today (lib/auth/roles.ts); only a center manager's answer differs (their office)
    const counselor = await tokenFor("COUNSELOR", 21);
    const [theirs, analysts] = await Promise.all([csv("year=2022&by=TRACK", counselor), csv("year=2022&by=TRACK", analyst)]);
    expect(theirs.status).toBe(200);
    expect(await theirs.text()).toBe(await analysts.text());
  });

  describe("a caller whose role lacks report:read", () => {
    // No role lacks it today, so this gateway's identity provider grants every scope but report:read: the gateway
    // then removes the field before planning (FORBIDDEN), as it would for such a role.
    let narrow: RunningGateway;
    beforeAll(async () => {
      narrow = await createGateway({
        supergraphSdl: readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"),
        subgraphUrls: subgraphUrlsOf(system.subgraphs),
        auth: {
          verify: async (token) => {
            const user = await testVerifier(token);
            return { ...user, scopes: new Set([...user.scopes].filter((scope) => scope !== "report:read")) };
          },
          gatewaySecret: TEST_AUTH.gatewaySecret,
        },
      });
    });
    afterAll(() => narrow?.stop());

    it("gets 403 FORBIDDEN with the gateway's reason, and no file", async () => {
      const response = await csv("year=2022&by=TRACK", await tokenFor("COUNSELOR", 21), narrow.url.replace(/\/graphql$/, ""));
      expect(response.status).toBe(403);
      const body = await response.json();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: "FORBIDDEN" });
      expect(body.errors[0].message).toMatch(/programBreakdown/);
    });
  });
});

describe("the README's reporting client (scripts/examples/breakdown-to-csv.js)", () => {
  // a gateway that runs only the contract's operations, as production may (SAFELIST=true): the example, the CSV
  // route and the page's operation all pass it
  let safelisted: RunningGateway;
  beforeAll(async () => {
    safelisted = await createGateway({
      supergraphSdl: readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"),
      subgraphUrls: subgraphUrlsOf(system.subgraphs),
      auth: { verify: testVerifier, gatewaySecret: TEST_AUTH.gatewaySecret },
      safelist: true,
    });
  });
  afterAll(() => safelisted?.stop());

  const run = (token: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, [path.join(PROJECT_ROOT, "scripts", "examples", "breakdown-to-csv.js"), ...args], {
      env: { ...process.env, NJSP_GRAPHQL_URL: safelisted.url, NJSP_TOKEN: token },
    });

  it("pulls 2022 by track and age band with an analyst's token into CSV: the graph's answer, row for row", async () => {
    const { stdout } = await run(analyst, "2022", "TRACK", "AGE_BAND");
    const breakdown = await graphAnswer({ year: 2022, by: ["TRACK", "AGE_BAND"] }, analyst);
    expect(parseCsv(stdout)).toEqual([
      ["TRACK", "AGE_BAND", ...FIGURES, "suppressed"],
      ...breakdown.cells.map((cell: any) => [
        cell.key.track,
        cell.key.ageBand,
        ...FIGURES.map((f) => field(cell[f])),
        String(cell.suppressed),
      ]),
      ["TOTAL", "", ...FIGURES.map((f) => field(breakdown.total[f])), ""],
    ]);
  });

  it("as do the CSV route and the /reports page's operation (breakdown.json), on that gateway", async () => {
    const safelistedBase = safelisted.url.replace(/\/graphql$/, "");
    const [file, directFile] = await Promise.all([
      csv("year=2022&by=GENDER", analyst, safelistedBase),
      csv("year=2022&by=GENDER", analyst),
    ]);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe(await directFile.text());
    const { operation } = await (await fetch(`${safelistedBase}/reports/assets/breakdown.json`)).json();
    const response = await fetch(safelisted.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query: operation, variables: { year: 2022, by: ["GENDER"] } }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.programBreakdown).toEqual(await graphAnswer({ year: 2022, by: ["GENDER"] }, analyst));
  });

  it("says what the graph refused and exits 1", async () => {
    await expect(run(analyst, "2022", "TRACK", "TRACK")).rejects.toMatchObject({
      code: 1,
      stderr: "[breakdown-to-csv] by names each dimension once; TRACK is named twice. (BAD_USER_INPUT)\n",
    });
  });
});
