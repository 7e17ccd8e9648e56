import { caseAt } from "./case-steps";
import { application, errorsOf, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * Data written is never lost or doubled: a retried request writes nothing twice, two writes to one case cannot both
 * win, and a write that fails half-way leaves nothing behind (its key included, so the retry can succeed).
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_safe");
}, 120_000);
afterAll(() => ws?.system.stop());

const participants = async (name: string) =>
  (await ws.system.sql<{ id: string }>("job-centers", "SELECT id FROM participant WHERE name = $1 ORDER BY id", [name])).map((r) => r.id);
const writesLogged = async (id: string) =>
  Number(
    (
      await ws.system.sql("job-centers", "SELECT count(*) AS n FROM access_log WHERE action = 'WRITE' AND $1 = ANY(participant_ids)", [id])
    )[0].n,
  );

describe("idempotency keys", () => {
  it("the same key and input, sent again and at once five times, create one participant and answer each the same", async () => {
    const input = application(ws, { name: "재시도" });
    const first = await ws.mutate("applyForProgram", input);
    const again = await Promise.all([1, 2, 3, 4, 5].map(() => ws.mutate("applyForProgram", input)));
    const id = first.data!.applyForProgram.id as string;
    expect(again.map((r) => [r.errors, r.data!.applyForProgram.id])).toEqual(again.map(() => [undefined, id]));
    expect(await participants("재시도")).toEqual([id]);
    expect(await writesLogged(id)).toBe(1);
  });

  it("five first sends of one key at once still create exactly one", async () => {
    const input = application(ws, { name: "동시재시도" });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => ws.mutate("applyForProgram", input)));
    const ids = new Set(answers.map((r) => r.data?.applyForProgram.id as string));
    expect([answers.flatMap((r) => r.errors ?? []), ids.size]).toEqual([[], 1]);
    expect(await participants("동시재시도")).toEqual([...ids]);
  });

  it("the same key with other input is IDEMPOTENCY_KEY_REUSED, and writes nothing", async () => {
    const input = application(ws, { name: "키재사용" });
    await ws.mutate("applyForProgram", input);
    const other = await ws.mutate("applyForProgram", { ...input, birthYear: 1990 });
    expect(errorsOf(other).map((e) => [e.code, e.argumentName])).toEqual([["IDEMPOTENCY_KEY_REUSED", "idempotencyKey"]]);
    expect((await participants("키재사용")).length).toBe(1);
  });
});

describe("a write's round trips", () => {
  it("a counselling session is six statements in one transaction; its retry answers the first session and writes nothing", async () => {
    const { id } = await caseAt(ws, "PLANNING");
    const input = { idempotencyKey: key(), participantId: id, heldOn: "2023-11-27", mode: "PHONE", topic: "구직 상담" };
    const counter = ws.system.subgraphs["job-centers"].sqlCounter;
    const before = counter.total;
    const first = await ws.mutate("recordCounselingSession", input);
    const statements = counter.total - before;
    const again = await ws.mutate("recordCounselingSession", input);
    const session = first.data!.recordCounselingSession as { id: string };
    expect(first.errors).toBeUndefined();
    expect(session).toEqual({ id: session.id, heldOn: "2023-11-27", mode: "PHONE", topic: "구직 상담" });
    // begin, the key's claim, the case's lock, the insert (returning the row: no read after the commit), the key's
    // result together with the access log's row, commit
    expect(statements).toBe(6);
    expect([again.errors, again.data!.recordCounselingSession]).toEqual([undefined, session]);
    const sessions = await ws.system.sql("job-centers", "SELECT id::text FROM counseling_session WHERE participant_id = $1 ORDER BY id", [
      id,
    ]);
    expect(sessions.length).toBe(2);
    expect(sessions[1]).toEqual({ id: session.id });
    // applyForProgram, decideEligibility, the first session, this one: the retry is not a write
    expect(await writesLogged(id)).toBe(4);
  });
});

describe("versions against lost updates", () => {
  it("eight decisions on version 1 at once: exactly one wins, the others get CONFLICT, the figures count one", async () => {
    const id = (await ws.mutate("applyForProgram", application(ws, { name: "경합" }))).data!.applyForProgram.id as string;
    const [before] = await ws.system.sql("job-centers", "SELECT started FROM center_year_figures WHERE center_id = $1 AND year = 2023", [
      ws.center.id,
    ]);
    const decisions = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
        ws.mutate(
          "decideEligibility",
          { idempotencyKey: key(), participantId: id, expectedVersion: 1, eligible: true, decidedOn: `2023-11-0${i}` },
          i % 2 ? ws.tokens.counselor : ws.tokens.manager,
        ),
      ),
    );
    const won = decisions.filter((d) => d.data?.decideEligibility);
    const conflicts = decisions.flatMap((d) => errorsOf(d)).map((e) => e.code);
    expect([won.length, conflicts]).toEqual([1, Array(7).fill("CONFLICT")]);
    const [row] = await ws.system.sql(
      "job-centers",
      "SELECT stage, version, eligibility_decided_on::text AS day FROM participant WHERE id = $1",
      [id],
    );
    expect(row).toEqual({ stage: "ELIGIBLE", version: 2, day: won[0].data!.decideEligibility.eligibilityDecidedOn });
    const [after] = await ws.system.sql("job-centers", "SELECT started FROM center_year_figures WHERE center_id = $1 AND year = 2023", [
      ws.center.id,
    ]);
    expect(after.started).toBe(before.started + 1);
  });

  it("a stale version names the current one", async () => {
    const id = (await ws.mutate("applyForProgram", application(ws, { name: "낡은판" }))).data!.applyForProgram.id as string;
    await ws.mutate("decideEligibility", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 1,
      eligible: true,
      decidedOn: "2023-11-03",
    });
    const stale = await ws.mutate("establishActionPlan", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 1,
      desiredOccupation: "요리사",
    });
    expect(stale.errors?.map((e) => [e.extensions?.code, e.extensions?.expectedVersion, e.extensions?.currentVersion])).toEqual([
      ["CONFLICT", 1, 2],
    ]);
  });
});

describe("a write that fails half-way", () => {
  // a fault the database raises after the participant's row is written: the consents come after it
  const FAULT = `CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF (SELECT name FROM participant WHERE id = NEW.participant_id) = '중단' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`;
  beforeAll(async () => {
    await ws.system.sql("job-centers", FAULT);
    await ws.system.sql(
      "job-centers",
      "CREATE TRIGGER test_fault BEFORE INSERT ON participant_consent FOR EACH ROW EXECUTE FUNCTION test_fault()",
    );
  });
  afterAll(() => ws.system.sql("job-centers", "DROP TRIGGER IF EXISTS test_fault ON participant_consent"));

  it("leaves no participant, link, figure, key or log entry, answers a masked error, and the retry then succeeds", async () => {
    const count = async (sql: string) => Number((await ws.system.sql("job-centers", sql))[0].n);
    const state = () =>
      Promise.all([
        count("SELECT count(*) AS n FROM participant"),
        count("SELECT count(*) AS n FROM participant_link"),
        count("SELECT coalesce(sum(applicants), 0) AS n FROM center_year_figures"),
        count("SELECT count(*) AS n FROM idempotency_key"),
        count("SELECT count(*) AS n FROM access_log WHERE action = 'WRITE'"),
      ]);
    const before = await state();
    const input = application(ws, { name: "중단" });
    const failed = await ws.mutate("applyForProgram", input);
    expect([failed.data, errorsOf(failed)]).toEqual([
      null,
      [{ code: "INTERNAL_SERVER_ERROR", argumentName: undefined, message: "Internal server error" }],
    ]);
    expect(await state()).toEqual(before);
    await ws.system.sql("job-centers", "DROP TRIGGER test_fault ON participant_consent");
    const retried = await ws.mutate("applyForProgram", input);
    expect(retried.data!.applyForProgram.name).toBe("중단");
    expect(await state()).toEqual([before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1, before[4] + 1]);
  });
});
