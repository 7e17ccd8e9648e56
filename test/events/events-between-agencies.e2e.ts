import { randomUUID } from "node:crypto";
import { DataSource } from "typeorm";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import { ACCESS_COPY_EFFECTS } from "@lib/events/access-copy";
import type { DeliveredEvent } from "@lib/events/delivered-event";
import { handleEvent } from "@lib/events/handle-event";
import type { EventsConfig } from "@lib/events/start-events";
import { createSubgraphServer } from "@lib/http/create-subgraph-server";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@subgraphs/registry";
import { startSystem, type TestSystem } from "../support/system";
import { scratchDatabases } from "../support/scratch-databases";
import { TEST_AUTH, tokenFor } from "../support/test-auth";
import { accessCopy, emitFromJobCenters, eventually } from "./event-fixtures";

/**
 * Events between agencies, never shared tables: an application at an employment center reaches every other agency's
 * copy of links and consents; a case's end flags the open records elsewhere. Both ways they travel — service to
 * service in the embedded default, NATS JetStream (the real server on 127.0.0.1:4222) in production — deliver at
 * least once, in order, and take effect exactly once, also for a consumer that was down when the event was emitted.
 */
const NATS_URL = "nats://127.0.0.1:4222";
const OTHERS: SubgraphName[] = ["local-job-centers", "saeil-centers", "welfare-partners"];

describe.each(["peers", "broker"] as const)("events travelling %s", (transport) => {
  let system: TestSystem;
  let urls: Awaited<ReturnType<typeof scratchDatabases>>;
  const stream = `NJSP_TEST_${randomUUID().slice(0, 8).toUpperCase()}`;
  const peers: Partial<Record<SubgraphName, string>> = {};
  const config = (): EventsConfig =>
    transport === "broker" ? { kind: "broker", nats: { url: NATS_URL, stream } } : { kind: "peers", peers };
  let counselor: string;
  let center: { id: number; region_code: string; counselor: number };

  beforeAll(async () => {
    urls = await scratchDatabases(`events_${transport}`);
    system = await startSystem({ urls, events: config });
    for (const name of SUBGRAPH_NAMES) peers[name] = system.subgraphs[name].url;
    [center] = await system.sql<{ id: number; region_code: string; counselor: number }>(
      "job-centers",
      `SELECT c.employment_center_id AS id, e.region_code, c.id AS counselor
       FROM counselor c JOIN employment_center e ON e.id = c.employment_center_id ORDER BY c.id LIMIT 1`,
    );
    counselor = await tokenFor("COUNSELOR", center.id, String(center.counselor));
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    if (transport === "broker") {
      const nc = await connect({ servers: NATS_URL });
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
      await nc.close();
    }
  });

  const apply = async (name: string) => {
    const input = {
      idempotencyKey: randomUUID(),
      name,
      birthYear: 1980,
      gender: "MALE",
      requestedTrack: "TYPE_II_MIDDLE_AGED",
      regionCode: center.region_code,
      employmentCenterId: String(center.id),
      appliedOn: "2023-12-01",
      consents: [{ viewerKind: "SAEIL_CENTER", recordsKind: "EMPLOYMENT_CENTER" }],
    };
    const response = await system.query(
      `mutation ($input: ApplyForProgramInput!) { applyForProgram(input: $input) { id } }`,
      { input },
      undefined,
      counselor,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.applyForProgram.id as string;
  };
  const expectedCopy = () => ({
    links: [{ office_kind: "EMPLOYMENT_CENTER", office_id: center.id }],
    consents: [{ viewer_kind: "SAEIL_CENTER", records_kind: "EMPLOYMENT_CENTER", withdrawn: false }],
  });

  it("an application reaches every other agency's copy of links and consents", async () => {
    const id = await apply("사건전파");
    for (const name of OTHERS) {
      const copy = await eventually(
        () => accessCopy(system, name, id),
        (c) => c.links.length > 0,
      );
      expect([name, copy]).toEqual([name, expectedCopy()]);
    }
  });

  it("takes effect exactly once: the same event handled again changes nothing", async () => {
    const id = await apply("중복전달");
    await eventually(
      () => accessCopy(system, "welfare-partners", id),
      (c) => c.consents.length > 0,
    );
    const [row] = await system.sql("job-centers", "SELECT id::text AS id, payload FROM outbox_event WHERE participant_id = $1", [id]);
    // the same event once more, as a relay that crashed before recording its progress would send it
    const event = {
      source: "job-centers",
      id: row.id,
      type: "ParticipantApplied",
      participantId: id,
      payload: row.payload,
      emittedAt: "2023-12-01T00:00:00Z",
    };
    const db = new DataSource({ type: "postgres", url: urls["welfare-partners"] });
    await db.initialize();
    const ran = await handleEvent(db, "welfare-partners", ACCESS_COPY_EFFECTS, event as DeliveredEvent).finally(() => db.destroy());
    expect(ran).toBe(false);
    expect(await accessCopy(system, "welfare-partners", id)).toEqual(expectedCopy());
  });

  it("delivers one participant's events in order: given, then withdrawn, ends withdrawn", async () => {
    const id = await apply("순서");
    const consent = { viewerKind: "WELFARE_PARTNER", recordsKind: "EMPLOYMENT_CENTER", givenAt: "2023-12-02T00:00:00Z" };
    await emitFromJobCenters(system, "ConsentChanged", id, { ...consent, withdrawnAt: null });
    await emitFromJobCenters(system, "ConsentChanged", id, { ...consent, withdrawnAt: "2023-12-03T00:00:00Z" });
    const copy = await eventually(
      () => accessCopy(system, "saeil-centers", id),
      (c) => c.consents.some((x) => x.viewer_kind === "WELFARE_PARTNER" && x.withdrawn === true),
    );
    expect(copy.consents).toEqual([
      { viewer_kind: "SAEIL_CENTER", records_kind: "EMPLOYMENT_CENTER", withdrawn: false },
      { viewer_kind: "WELFARE_PARTNER", records_kind: "EMPLOYMENT_CENTER", withdrawn: true },
    ]);
  });

  it("a consumer that was down when the events were emitted catches up when it is back", async () => {
    await system.stopSubgraph("welfare-partners");
    const first = await apply("부재중1");
    await emitFromJobCenters(system, "ParticipantEmployed", first, { employedOn: "2023-12-20" });
    const second = await apply("부재중2");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await accessCopy(system, "welfare-partners", first)).links).toEqual([]);
    const back = await createSubgraphServer(SUBGRAPHS["welfare-partners"], {
      databaseUrl: urls["welfare-partners"],
      poolSize: 2,
      auth: TEST_AUTH,
      events: config(),
    });
    const running = await back.listen(0);
    peers["welfare-partners"] = running.url;
    try {
      for (const id of [first, second]) {
        expect(
          await eventually(
            () => accessCopy(system, "welfare-partners", id),
            (c) => c.links.length > 0,
            8000,
          ),
        ).toEqual(expectedCopy());
      }
      const notice = await eventually(
        () =>
          system.sql("welfare-partners", "SELECT employed_on::text AS employed_on FROM participant_notice WHERE participant_id = $1", [
            first,
          ]),
        (rows) => rows.length > 0,
      );
      expect(notice).toEqual([{ employed_on: "2023-12-20" }]);
    } finally {
      await running.stop();
    }
  });
});
