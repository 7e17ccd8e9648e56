import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from "graphql";
import { SCHEMA_DIR } from "@lib/config/paths";
import { splitSupergraph } from "../gateway/src/authorization/supergraph-policies";

/**
 * Closed by default: from the root, through fields that carry no rule (their own, their type's or their returned
 * type's), a caller may reach only the public directories. A new field that leads anywhere else without a policy
 * fails here, with the path that reaches it.
 */
const PUBLIC_TYPES = new Set(["Query", "Region", "EmploymentCenter", "LocalJobCenter", "SaeilCenter", "WelfarePartner", "Course"]);

const SUPERGRAPH = readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");

/** Every object type reachable from Query without crossing a rule, with the first path found to it. */
function openlyReachable(sdl: string): Map<string, string> {
  const { policies } = splitSupergraph(sdl);
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const reached = new Map<string, string>([["Query", "Query"]]);
  const queue: GraphQLObjectType[] = [schema.getQueryType()!];
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (policies.types.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (policies.fields.has(`${type.name}.${field.name}`) || policies.types.has(returned.name)) continue;
      if (isObjectType(returned) && !reached.has(returned.name) && !returned.name.startsWith("_")) {
        reached.set(returned.name, `${reached.get(type.name)}.${field.name}`);
        queue.push(returned);
      }
    }
  }
  return reached;
}

describe("the supergraph is closed by default", () => {
  const leaksOf = (sdl: string) =>
    [...openlyReachable(sdl)].filter(([type]) => !PUBLIC_TYPES.has(type)).map(([type, via]) => `${type} via ${via}`);

  it("reaches nothing but the public directories through fields without a rule", () => {
    expect(leaksOf(SUPERGRAPH)).toEqual([]);
  });

  it("puts a rule on every type that holds a person's records, and on the sensitive referral detail", () => {
    const { policies } = splitSupergraph(SUPERGRAPH);
    const scopes = (type: string) => policies.types.get(type)?.scopes;
    for (const type of ["Participant", "Outreach", "LocalServiceUse", "SaeilEnrollment", "WelfareReferral"])
      expect([type, scopes(type)]).toEqual([type, [["participant:read"]]]);
    expect(scopes("Counselor")).toEqual([["staff:read"]]);
    expect(scopes("RegionReport")).toEqual([["report:read"]]);
    expect(policies.fields.get("WelfareReferral.partner")?.scopes).toEqual([["welfare:read"]]);
    expect(policies.fields.get("Participant.counselingSessions")?.policies).toEqual([["office-staff"]]);
  });

  it("lets only office staff with the write scope reach a mutation, and each mutation returns nothing openly", () => {
    const { policies } = splitSupergraph(SUPERGRAPH);
    const schema = buildSchema(SUPERGRAPH, { assumeValidSDL: true });
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(0);
    for (const name of mutations) {
      const rule = policies.fields.get(`Mutation.${name}`);
      expect([name, rule?.scopes, rule?.policies]).toEqual([name, [["participant:write"]], [["office-staff"]]]);
    }
  });

  it("notices a field whose rule is missing (the walk can fail)", () => {
    const leaky = SUPERGRAPH.replace(
      /(\): ParticipantConnection! @join__field\(graph: JOB_CENTERS\)) @requiresScopes\(scopes: \[\["participant:read"\]\]\)/,
      "$1",
    );
    expect(leaky).not.toBe(SUPERGRAPH);
    // PageInfo counts too: its cursors encode a participant's id and application date
    expect(leaksOf(leaky)).toEqual([
      "ParticipantConnection via Query.participants",
      "PageInfo via Query.participants.pageInfo",
      "ParticipantEdge via Query.participants.edges",
    ]);
  });
});
