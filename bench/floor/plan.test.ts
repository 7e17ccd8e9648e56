import { readFileSync } from "node:fs";
import path from "node:path";
import type { SequenceNode } from "@apollo/query-planner";
import { SCHEMA_DIR } from "@lib/config/paths";
import { readContract } from "../workloads";
import { buildOperationPlan, planFetches } from "./plan";

const SUPERGRAPH = readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");

describe("the floor's plan", () => {
  const plan = buildOperationPlan(SUPERGRAPH, readContract(), "Participant360");

  it("plans Participant360 as job-centers, then the three other agencies in parallel", () => {
    expect(plan.node?.kind).toBe("Sequence");
    const nodes = (plan.node as SequenceNode).nodes;
    expect(nodes.map((node) => node.kind)).toEqual(["Fetch", "Parallel"]);
    const services = planFetches(plan.node as SequenceNode).map((fetch) => fetch.serviceName);
    expect(services[0]).toBe("job-centers");
    expect(services.slice(1).sort()).toEqual(["local-job-centers", "saeil-centers", "welfare-partners"]);
  });
});
