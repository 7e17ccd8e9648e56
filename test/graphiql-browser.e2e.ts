import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Kind, parse, print } from "graphql";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CONTRACT, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * GraphiQL as a person uses it, in a real browser: Debian's Chromium, driven by playwright-core (no browser is
 * downloaded; `scripts/ensure-chromium.js` installs the system's on CI). The token goes into the Headers tab as the
 * README says, Participant360 is run, and the name shows in the result pane; no request leaves this machine.
 */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(__dirname, "artifacts");
/** The variables and headers editors share a section; the one of the chosen tab is the one not hidden. */
const TOOL_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden)";
const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

/** The contract's Participant360, alone, as a person would paste it. */
const PARTICIPANT_360 = print(
  parse(CONTRACT).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === "Participant360")!,
);

const available = existsSync(CHROMIUM);
if (!available) console.warn(`[graphiql-browser] SKIPPED: ${CHROMIUM} is absent (apt-get install chromium, or npm test as root on Debian)`);
const itWithChromium = available ? it : it.skip;

let system: TestSystem | undefined;
let context: BrowserContext | undefined;
let profile: string | undefined;

beforeAll(async () => {
  if (!available) return;
  system = await startSystem();
  profile = mkdtempSync(path.join(tmpdir(), "njsp-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 900 },
  });
});
afterAll(async () => {
  await context?.close();
  await system?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Replaces the text of the Monaco editor inside `container`: inserted as one paste, so no brackets are auto-closed. */
async function setEditor(page: Page, container: string, text: string): Promise<void> {
  const editor = page.locator(`${container} .monaco-editor`).first();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  // whatever Monaco added after the cursor (a bracket it closed for us) goes
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
}

itWithChromium(
  "runs Participant360 with the Headers tab's token and shows the name, all from 127.0.0.1",
  async () => {
    // a counsellor (as npm start's token is) and one of their own participants, whose name they see in full, who
    // consented to the employment center seeing the other agencies' records: the whole view, without refusals
    const [person] = await system!.sql(
      "job-centers",
      `SELECT id, name, counselor_id, employment_center_id AS center FROM participant WHERE counselor_id IS NOT NULL AND id IN (
         SELECT participant_id FROM participant_consent WHERE viewer_kind = 'EMPLOYMENT_CENTER' AND withdrawn_at IS NULL
         GROUP BY 1 HAVING count(DISTINCT records_kind) = 3)
       ORDER BY id LIMIT 1`,
    );
    const token = await tokenFor("COUNSELOR", person.center, String(person.counselor_id));

    const page = await context!.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(system!.gateway.url, { waitUntil: "load" });
    await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ timeout: 30_000 });

    await setEditor(page, ".graphiql-query-editor", PARTICIPANT_360);
    await page.getByRole("button", { name: /Prettify query/ }).click();
    const tools = page.locator(".graphiql-editor-tools");
    await tools.getByRole("button", { name: "Variables", exact: true }).click();
    await setEditor(page, TOOL_EDITOR, JSON.stringify({ id: person.id }));
    await tools.getByRole("button", { name: "Headers", exact: true }).click();
    await setEditor(page, TOOL_EDITOR, JSON.stringify({ Authorization: `Bearer ${token}` }));
    await page.getByRole("button", { name: /Execute query/ }).click();

    const response = page.locator(".graphiql-response");
    mkdirSync(ARTIFACTS, { recursive: true });
    try {
      await response.getByText(person.name as string).waitFor({ timeout: 30_000 });
    } finally {
      // kept whatever happens: the picture says more than a timeout
      await page.screenshot({ path: path.join(ARTIFACTS, "graphiql-participant360.png") });
    }

    // Monaco draws spaces as no-break spaces
    const shown = (await response.innerText()).replace(/\u00a0/g, " ");
    expect(shown).toContain(`"name": "${person.name as string}"`);
    expect(shown).toContain(`"id": "${person.id as string}"`);
    expect(shown).not.toContain('"errors"');
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((url) => !LOCAL.test(url))).toEqual([]);
  },
  120_000,
);
