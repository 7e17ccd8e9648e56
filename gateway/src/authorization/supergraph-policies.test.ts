import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { splitSupergraph } from "./supergraph-policies";

/** The reader a reloaded supergraph must pass before the planner gets it (use-supergraph-file.ts). */
const SUPERGRAPH = readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");

describe("splitSupergraph", () => {
  it("reads the committed supergraph's rules and drops only the security purpose", () => {
    const { plannerSdl, policies } = splitSupergraph(SUPERGRAPH);
    expect(policies.fields.get("Query.programReport")).toEqual({ authenticated: false, scopes: [["report:read"]], policies: null });
    expect(plannerSdl).not.toContain("for: SECURITY");
    expect(plannerSdl).toContain('@requiresScopes(scopes: [["report:read"]])');
  });

  it("refuses a rule naming a scope or a policy the gateway does not know", () => {
    const typo = SUPERGRAPH.replace('@requiresScopes(scopes: [["report:read"]])', '@requiresScopes(scopes: [["report:raed"]])');
    expect(() => splitSupergraph(typo)).toThrow('the supergraph\'s access rules name unknown scopes or policies: scope "report:raed"');
    const policy = SUPERGRAPH.replace('@policy(policies: [["office-staff"]])', '@policy(policies: [["office-staf"]])');
    expect(() => splitSupergraph(policy)).toThrow('policy "office-staf"');
  });

  it("refuses SDL that does not parse", () => {
    expect(() => splitSupergraph("type Query {")).toThrow(/Syntax Error/);
  });
});
