import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { parseCsv } from "./support/csv";
import { contract, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * The analysts' page as a person uses it, in a real browser (Debian's Chromium driven by playwright-core, as
 * test/graphiql-browser.e2e.ts does): the token pasted as `npm start` prints one, 2022 by track and age band, the
 * table's numbers and the chart's bars checked against the graph's answer, the CSV downloaded; no request leaves
 * this machine and the page's Content-Security-Policy is never violated.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(__dirname, "artifacts");
const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;
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

const available = existsSync(CHROMIUM);
if (!available)
  console.warn(`[reports-page-browser] SKIPPED: ${CHROMIUM} is absent (apt-get install chromium, or npm test as root on Debian)`);
const itWithChromium = available ? it : it.skip;

let system: TestSystem;
let base: string;
let context: BrowserContext | undefined;
let profile: string | undefined;

beforeAll(async () => {
  system = await startSystem();
  base = system.gateway.url.replace(/\/graphql$/, "");
  if (!available) return;
  profile = mkdtempSync(path.join(tmpdir(), "njsp-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 1000 },
  });
});
afterAll(async () => {
  await context?.close();
  await system?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

it("serves the page and its files from the gateway, with a Content-Security-Policy of this origin only", async () => {
  const page = await fetch(`${base}/reports`);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  const csp = page.headers.get("content-security-policy")!;
  expect(csp.split("; ")).toEqual(
    expect.arrayContaining(["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'"]),
  );
  expect(csp).not.toMatch(/https?:|\*|unsafe/);
  const html = await page.text();
  expect(html.match(/(src|href)="[^"]+"/g)).toEqual([
    'href="/reports/assets/reports.css"',
    'src="/reports/assets/chart.umd.min.js"',
    'src="/reports/assets/reports.js"',
  ]);
  const chart = await fetch(`${base}/reports/assets/chart.umd.min.js`);
  expect(chart.status).toBe(200);
  expect(chart.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(await chart.text()).toMatch(/Chart\.js v4\./);
  for (const asset of ["reports.js", "reports.css", "breakdown.json"])
    expect((await fetch(`${base}/reports/assets/${asset}`)).status).toBe(200);
  expect((await fetch(`${base}/reports/assets/nothing.js`)).status).toBe(404);
});

itWithChromium(
  "shows 2022 by track and age band as the graph answers it, draws the chart and downloads the CSV, all from 127.0.0.1",
  async () => {
    const analyst = await tokenFor("ANALYST");
    const answer = await contract(system, "ProgramBreakdown", { year: 2022, by: ["TRACK", "AGE_BAND"] }, analyst);
    const breakdown = answer.data!.programBreakdown;

    const page = await context!.newPage();
    const requests: string[] = [];
    const violations: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    await page.goto(`${base}/reports`, { waitUntil: "load" });

    // as npm start prints it for GraphiQL's Headers tab
    await page.locator("#token").fill(JSON.stringify({ Authorization: `Bearer ${analyst}` }));
    await page.getByRole("button", { name: "저장" }).click();
    await page.locator('#year option[value="2022"]').waitFor({ state: "attached", timeout: 30_000 });
    await page.locator("#year").selectOption("2022");
    await page.locator("#by1").selectOption("TRACK");
    await page.locator("#by2").selectOption("AGE_BAND");
    await page.locator("#figure").selectOption("employed");
    await page.getByRole("button", { name: "보기" }).click();

    const table = page.locator('#table[data-year="2022"][data-by="TRACK,AGE_BAND"]');
    mkdirSync(ARTIFACTS, { recursive: true });
    try {
      await table.waitFor({ timeout: 30_000 });
    } finally {
      await page.screenshot({ path: path.join(ARTIFACTS, "reports-page.png"), fullPage: true });
    }

    // every figure of every row is the graph's, and a withheld one shows as withheld
    const shown = await table.locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => ({
        key: (row as HTMLElement).dataset.key,
        figures: [...row.querySelectorAll("td")].map((td) => (td.dataset.value === undefined ? td.textContent : Number(td.dataset.value))),
      })),
    );
    const expected = [
      ...breakdown.cells.map((cell: any) => ({
        key: `${WORDS[cell.key.track]}|${WORDS[cell.key.ageBand]}`,
        figures: FIGURES.map((f) => (cell[f] === null ? (cell.suppressed ? "—" : "·") : cell[f])),
      })),
      { key: "total", figures: FIGURES.map((f) => (breakdown.total[f] === null ? "·" : breakdown.total[f])) },
    ];
    expect(shown).toEqual(expected);
    expect(shown.some((row) => row.figures.includes("—"))).toBe(true);

    // one cell as a person reads it: Ⅱ유형 청년, 청년 (18–34)
    const youth = breakdown.cells.find((cell: any) => cell.key.track === "TYPE_II_YOUTH" && cell.key.ageBand === "YOUTH");
    const row = table.locator(`tbody tr[data-key="Ⅱ유형 청년|청년(18–34세)"]`);
    expect(await row.locator('td[data-figure="applicants"]').innerText()).toBe(youth.applicants.toLocaleString("ko-KR"));
    expect(await row.locator('td[data-figure="employed"]').innerText()).toBe(youth.employed.toLocaleString("ko-KR"));
    expect(await row.locator('td[data-figure="employmentRate"]').innerText()).toBe(
      `${(youth.employmentRate * 100).toLocaleString("ko-KR", { maximumFractionDigits: 1 })}%`,
    );

    // the chart: employed by track, one series per age band, bars drawn on the canvas
    const chart = await page.evaluate(() => {
      const canvas = document.getElementById("chart") as HTMLCanvasElement;
      const drawn = (window as any).Chart.getChart(canvas);
      const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
      return { labels: drawn.data.labels, series: drawn.data.datasets.map((d: any) => ({ label: d.label, data: d.data })), painted };
    });
    const tracks = [...new Set<string>(breakdown.cells.map((cell: any) => cell.key.track))];
    const bands = [...new Set<string>(breakdown.cells.map((cell: any) => cell.key.ageBand))];
    expect(chart.labels).toEqual(tracks.map((t) => WORDS[t]));
    expect(chart.series).toEqual(
      bands.map((band) => ({
        label: WORDS[band],
        data: tracks.map((track) => breakdown.cells.find((c: any) => c.key.track === track && c.key.ageBand === band)?.employed ?? null),
      })),
    );
    expect(chart.painted).toBeGreaterThan(10_000);

    // the download: the CSV route's file, fetched with the token and saved under its name
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV 내려받기" }).click()]);
    expect(download.suggestedFilename()).toBe("program-breakdown-2022-TRACK-AGE_BAND.csv");
    const saved = readFileSync(await download.path());
    expect([...saved.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const direct = await fetch(`${base}/reports/program-breakdown.csv?year=2022&by=TRACK,AGE_BAND`, {
      headers: { authorization: `Bearer ${analyst}` },
    });
    expect(saved.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
    expect(parseCsv(saved.subarray(3).toString("utf8"))).toHaveLength(breakdown.cells.length + 2);

    expect(violations).toEqual([]);
    expect(requests.length).toBeGreaterThan(4);
    expect(requests.filter((url) => !LOCAL.test(url))).toEqual([]);
  },
  120_000,
);
