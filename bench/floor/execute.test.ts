import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { readContract } from "../workloads";
import { executePlan, objectsAtPath, selectRepresentation, type SubgraphCall } from "./execute";
import { buildOperationPlan } from "./plan";

const SUPERGRAPH = readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");

describe("the floor's plan walk", () => {
  const plan = buildOperationPlan(SUPERGRAPH, readContract(), "Participant360");

  it("runs the root fetch with { id }, then entity fetches with representations, merging their results", async () => {
    const calls: Array<{ service: string; variables: Record<string, unknown>; at: number }> = [];
    let clock = 0;
    const call: SubgraphCall = async (service, body) => {
      calls.push({ service, variables: body.variables, at: clock++ });
      if (service === "job-centers") {
        expect(body.query).toMatch(/participant\(id:\$id\)/);
        return { data: { participant: { __typename: "Participant", id: "P1", name: "김하나" } } };
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      const fields: Record<string, Record<string, unknown>> = {
        "local-job-centers": { outreach: null, localServices: [] },
        "saeil-centers": { saeilEnrollments: [] },
        "welfare-partners": { welfareReferrals: [{ id: "W1", status: "OPEN" }] },
      };
      return { data: { _entities: [{ __typename: "Participant", ...fields[service] }] } };
    };
    const result = await executePlan(plan, { id: "P1", unused: 1 }, call);
    expect(result.errors).toEqual([]);
    expect(calls[0]).toEqual({ service: "job-centers", variables: { id: "P1" }, at: 0 });
    expect(calls.slice(1).map((c) => c.variables)).toEqual(Array(3).fill({ representations: [{ __typename: "Participant", id: "P1" }] }));
    expect(result.data).toEqual({
      participant: {
        __typename: "Participant",
        id: "P1",
        name: "김하나",
        outreach: null,
        localServices: [],
        saeilEnrollments: [],
        welfareReferrals: [{ id: "W1", status: "OPEN" }],
      },
    });
  });

  it("skips entity fetches when the root found nothing, and reports subgraph errors", async () => {
    const services: string[] = [];
    const empty = await executePlan(plan, { id: "none" }, (service) => {
      services.push(service);
      return Promise.resolve({ data: { participant: null } });
    });
    expect(services).toEqual(["job-centers"]);
    expect(empty).toEqual({ data: { participant: null }, errors: [] });
    const failed = await executePlan(plan, { id: "x" }, () => Promise.resolve({ data: null, errors: [{ message: "boom" }] }));
    expect(failed.errors).toEqual(["job-centers: boom"]);
  });

  it("finds objects along a path through lists and builds representations", () => {
    const data = { a: [{ b: { __typename: "T", id: 1, x: 2 } }, { b: null }, { b: { __typename: "U", id: 3 } }] };
    expect(objectsAtPath(data, ["a", "@", "b"])).toEqual([data.a[0].b, data.a[2].b]);
    const requires = [
      {
        kind: "InlineFragment" as const,
        typeCondition: "T",
        selections: [
          { kind: "Field" as const, name: "__typename" },
          { kind: "Field" as const, name: "id" },
        ],
      },
    ];
    expect(selectRepresentation(data.a[0].b!, requires)).toEqual({ __typename: "T", id: 1 });
    expect(selectRepresentation(data.a[2].b!, requires)).toBeUndefined();
  });
});
