import { todayInKorea } from "@lib/mutation/dates";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { contract, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";
import { figuresOf, recount } from "./support/breakdown-recount";

/**
 * The gateway caches programBreakdown like programReport (gateway/src/use-report-cache.ts), but a center manager's
 * breakdown is their own office's: two managers never share an answer, nor a manager and anyone else. A breakdown is
 * made of job-centers' figures alone, so a hit costs job-centers one statement (its figures version) and the other
 * agencies none; a miss that plus the breakdown's own.
 */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem({ gateway: { reportCache: { redisUrl: null, ttlSeconds: 120 } } });
});
afterAll(() => system?.stop());

const HIT = { "job-centers": 1, "local-job-centers": 0, "saeil-centers": 0, "welfare-partners": 0 };

async function ask(token: string) {
  const before = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].sqlCounter.total]));
  const { data, errors } = await contract(system, "ProgramBreakdown", { year: 2022, by: ["TRACK"] }, token);
  expect(errors).toBeUndefined();
  const counted = SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].sqlCounter.total - before[name]]);
  return { answer: data!.programBreakdown, statements: Object.fromEntries(counted) as Record<SubgraphName, number> };
}

it("is cached per figures version, and per office for a center manager", async () => {
  const [other] = await system.sql<{ id: number }>(
    "job-centers",
    "SELECT employment_center_id AS id FROM participant WHERE employment_center_id <> 21 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
  );
  const manager = await tokenFor("CENTER_MANAGER", 21, "manager-breakdown-cache");
  const otherManager = await tokenFor("CENTER_MANAGER", other.id, "other-manager-breakdown-cache");
  const counsellor = await tokenFor("COUNSELOR", 21, "counsellor-breakdown-cache");
  const analyst = await tokenFor("ANALYST", null, "analyst-breakdown-cache");

  const first = await ask(manager);
  expect(first.statements["job-centers"]).toBeGreaterThan(1);
  const again = await ask(manager);
  expect(again).toEqual({ answer: first.answer, statements: HIT });

  // another manager, the same shape: their own office's figures, never the first manager's
  const theirs = await ask(otherManager);
  expect(theirs.statements["job-centers"]).toBeGreaterThan(1);
  expect(theirs.answer.total).toEqual(figuresOf((await recount(system, 2022, ["TRACK"], other.id, todayInKorea())).total));
  expect(theirs.answer.total).not.toEqual(first.answer.total);
  expect((await ask(otherManager)).statements).toEqual(HIT);

  // a counsellor of the manager's own office reads the national breakdown, small counts withheld: not the manager's
  const national = await ask(counsellor);
  expect(national.statements["job-centers"]).toBeGreaterThan(1);
  expect(national.answer.total).toEqual(figuresOf((await recount(system, 2022, ["TRACK"], null, todayInKorea())).total));
  expect(national.answer.total).not.toEqual(first.answer.total);
  expect(await ask(counsellor)).toEqual({ answer: national.answer, statements: HIT });
  const analysts = await ask(analyst);
  expect(analysts.statements["job-centers"]).toBeGreaterThan(1);
  expect(analysts.answer).toEqual(national.answer);
  expect(await ask(analyst)).toEqual({ answer: national.answer, statements: HIT });

  // another agency's figures move: a breakdown does not count them, its answer stands
  await system.sql("welfare-partners", BUMP_FIGURES_VERSION);
  expect(await ask(manager)).toEqual({ answer: first.answer, statements: HIT });

  // job-centers' figures move (as every write that changes one bumps the version): computed again
  await system.sql("job-centers", BUMP_FIGURES_VERSION);
  const recomputed = await ask(manager);
  expect(recomputed.statements["job-centers"]).toBeGreaterThan(1);
  expect(recomputed.answer).toEqual(first.answer);
  expect((await ask(counsellor)).statements["job-centers"]).toBeGreaterThan(1);
});
