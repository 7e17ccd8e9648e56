import { todayInKorea } from "@lib/mutation/dates";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import { contract, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";
import { figuresOf, recount } from "./support/breakdown-recount";

/**
 * The gateway caches programBreakdown like programReport (gateway/src/use-report-cache.ts), but a center manager's
 * breakdown is their own office's: two managers never share an answer. A hit costs job-centers one statement (its
 * figures version); a miss that plus the breakdown's own.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ gateway: { reportCache: { redisUrl: null, ttlSeconds: 120 } } });
});
afterAll(() => system?.stop());

async function ask(token: string) {
  const before = system.subgraphs["job-centers"].sqlCounter.total;
  const { data, errors } = await contract(system, "ProgramBreakdown", { year: 2022, by: ["TRACK"] }, token);
  expect(errors).toBeUndefined();
  return { answer: data!.programBreakdown, statements: system.subgraphs["job-centers"].sqlCounter.total - before };
}

it("is cached per figures version, and per office for a center manager", async () => {
  const [other] = await system.sql<{ id: number }>(
    "job-centers",
    "SELECT employment_center_id AS id FROM participant WHERE employment_center_id <> 21 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
  );
  const manager = await tokenFor("CENTER_MANAGER", 21, "manager-breakdown-cache");
  const otherManager = await tokenFor("CENTER_MANAGER", other.id, "other-manager-breakdown-cache");
  const analyst = await tokenFor("ANALYST", null, "analyst-breakdown-cache");

  const first = await ask(manager);
  expect(first.statements).toBeGreaterThan(1);
  const again = await ask(manager);
  expect(again).toEqual({ answer: first.answer, statements: 1 });

  // another manager, the same shape: their own office's figures, never the first manager's
  const theirs = await ask(otherManager);
  expect(theirs.statements).toBeGreaterThan(1);
  expect(theirs.answer.total).toEqual(figuresOf((await recount(system, 2022, ["TRACK"], other.id, todayInKorea())).total));
  expect(theirs.answer.total).not.toEqual(first.answer.total);
  expect((await ask(otherManager)).statements).toBe(1);

  const national = await ask(analyst);
  expect(national.statements).toBeGreaterThan(1);
  expect(await ask(analyst)).toEqual({ answer: national.answer, statements: 1 });

  // the figures move (as every write that changes one bumps the version): computed again
  await system.sql("job-centers", BUMP_FIGURES_VERSION);
  const recomputed = await ask(manager);
  expect(recomputed.statements).toBeGreaterThan(1);
  expect(recomputed.answer).toEqual(first.answer);
});
