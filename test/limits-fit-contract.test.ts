import { readFileSync } from "node:fs";
import path from "node:path";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode, type QueryPlan } from "@apollo/query-planner";
import {
  getIntrospectionQuery,
  Kind,
  Lexer,
  OperationTypeNode,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { armorProtections, ARMOR_ALL_OFF } from "@lib/graphql/armor";
import { SCHEMA_DIR } from "@lib/config/paths";
import { SUBGRAPH_LIMITS } from "@lib/http/subgraph-limits";
import { splitSupergraph } from "../gateway/src/authorization/supergraph-policies";
import { GATEWAY_LIMITS } from "../gateway/src/use-armor";

/**
 * The abuse limits fit the client contract: every operation of test/contract/operations.graphql passes the gateway's
 * limits (gateway/src/use-armor.ts), and every subgraph operation of its query plans passes the subgraphs' own
 * limits (lib/http/subgraph-limits.ts), with room to spare. The figures are graphql-armor's own counts, the same as
 * the tables in those files; a change to the contract that outgrows a limit fails here first.
 */
const CONTRACT = readFileSync(path.join(__dirname, "contract", "operations.graphql"), "utf8");
const supergraph = Supergraph.build(splitSupergraph(readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8")).plannerSdl);
const apiSchema = supergraph.apiSchema();

interface Figures {
  depth: number;
  aliases: number;
  directives?: number;
  cost?: number;
}

/** graphql-armor's counts of an operation (the largest of the document's operations). */
function measure(schema: GraphQLSchema, document: DocumentNode, flattenFragments = false): Figures {
  const found: Record<string, number> = {};
  const record = (name: string) => ({
    propagateOnRejection: false,
    onAccept: [(_context: unknown, details: { n: number }) => (found[name] = Math.max(found[name] ?? 0, details.n))],
  });
  const { validationRules } = armorProtections({
    ...ARMOR_ALL_OFF,
    maxDepth: { n: Infinity, flattenFragments, ...record("depth") },
    maxAliases: { n: Infinity, ...record("aliases") },
    maxDirectives: { n: Infinity, ...record("directives") },
    costLimit: { maxCost: Infinity, ...record("cost") },
  });
  expect(validate(schema, document, validationRules)).toEqual([]);
  return { depth: found.depth, aliases: found.aliases, directives: found.directives, cost: found.cost };
}

function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

const operations = parse(CONTRACT).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
/** The contract's fragments (ProgramBreakdown's figures), sent with every operation as clients send the whole file. */
const fragments = parse(CONTRACT).definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
const documentOf = (operation: (typeof operations)[number]): DocumentNode => ({
  kind: Kind.DOCUMENT,
  definitions: [operation, ...fragments],
});

/** The contract's mutations as graphql-armor measures them: [depth, cost]. */
const MUTATION_FIGURES = {
  ApplyForProgram: [2, 11],
  DecideEligibility: [2, 10],
  RecordCounselingSession: [2, 8],
  EstablishActionPlan: [3, 14],
  RecordJobSearchActivity: [2, 8],
  GiveConsent: [3, 17],
  WithdrawConsent: [3, 17],
  DeferParticipation: [2, 7],
  ResumeParticipation: [2, 7],
  PayAllowance: [2, 7],
  RecordPlacement: [2, 10],
  RecordPlacementResult: [2, 5],
  SignUpWorkExperienceHost: [2, 7],
  RecordWorkExperience: [2, 7],
  RecordEmployment: [3, 16],
  StartFollowUp: [2, 7],
  CloseParticipation: [2, 7],
  RecordOutreach: [2, 8],
  LinkOutreach: [2, 7],
  SetAgreementQuota: [2, 8],
  RecordLocalServiceUse: [3, 13],
  CreateCourse: [2, 10],
  EnrollInCourse: [3, 16],
  CompleteEnrollment: [2, 8],
  DropEnrollment: [2, 8],
  RecordInternship: [2, 8],
  CreateReferral: [3, 18],
  AcceptReferral: [2, 8],
  DeclineReferral: [2, 10],
  ResolveReferral: [2, 10],
};

describe("the gateway's limits", () => {
  const schema = apiSchema.toGraphQLJSSchema();

  const figuresOf = (kind: OperationTypeNode) =>
    Object.fromEntries(
      operations
        .filter((operation) => operation.operation === kind)
        .map((operation) => {
          const figures = measure(schema, documentOf(operation));
          return [operation.name!.value, { ...figures, cost: Math.round(figures.cost!) }];
        }),
    );
  const withinLimits = (figures: Figures) => {
    expect(figures.depth).toBeLessThan(GATEWAY_LIMITS.maxDepth);
    expect(figures.aliases).toBeLessThan(GATEWAY_LIMITS.maxAliases);
    expect(figures.directives).toBeLessThan(GATEWAY_LIMITS.maxDirectives);
    expect(figures.cost).toBeLessThan(GATEWAY_LIMITS.maxCost / 10);
  };

  it("pass every contract query, as measured in use-armor.ts", () => {
    const measured = figuresOf(OperationTypeNode.QUERY);
    expect(measured).toEqual({
      Participant360: { depth: 5, aliases: 0, directives: 0, cost: 381 },
      Caseload: { depth: 6, aliases: 0, directives: 0, cost: 108 },
      RegionDirectory: { depth: 4, aliases: 0, directives: 0, cost: 51 },
      ProgramReport: { depth: 4, aliases: 0, directives: 0, cost: 45 },
      CenterYear: { depth: 3, aliases: 0, directives: 0, cost: 25 },
      LocalCenterYear: { depth: 3, aliases: 0, directives: 0, cost: 17 },
      EmploymentCenters: { depth: 3, aliases: 0, directives: 0, cost: 14 },
      WelfarePartners: { depth: 3, aliases: 0, directives: 0, cost: 12 },
      ProgramBreakdown: { depth: 5, aliases: 0, directives: 0, cost: 188 },
    });
    Object.values(measured).forEach(withinLimits);
  });

  it("pass every contract mutation: shallow and cheap, no aliases or directives", () => {
    const measured = figuresOf(OperationTypeNode.MUTATION);
    // [depth, cost] of each; none has an alias or a directive
    expect(Object.fromEntries(Object.entries(measured).map(([name, f]) => [name, [f.depth, f.cost]]))).toEqual(MUTATION_FIGURES);
    for (const figures of Object.values(measured)) {
      expect([figures.aliases, figures.directives]).toEqual([0, 0]);
      withinLimits(figures);
    }
  });

  it("pass the whole contract file (clients send it with an operationName) and GraphiQL's introspection query", () => {
    const ofKind = (kind: OperationTypeNode) =>
      operations.filter((o) => o.operation === kind).reduce((sum, o) => sum + tokens(CONTRACT.slice(o.loc!.start, o.loc!.end)), 0);
    expect([tokens(CONTRACT), ofKind(OperationTypeNode.QUERY), ofKind(OperationTypeNode.MUTATION)]).toEqual([1284, 518, 750]);
    expect(tokens(CONTRACT) * 2).toBeLessThan(GATEWAY_LIMITS.maxTokens);
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(tokens(introspection)).toBeLessThan(GATEWAY_LIMITS.maxTokens / 5);
    // armor does not count introspection (`__schema`) against depth and cost
    expect(measure(schema, parse(introspection))).toEqual({ depth: 0, aliases: 0, directives: 0, cost: 0 });
  });

  it("pass Caseload's selection at the largest page written in the query (first: 100), which armor's cost multiplies", () => {
    const caseload = CONTRACT.slice(operations[1].loc!.start, operations[1].loc!.end).replace(
      "participants(filter: $filter, first: $first, after: $after)",
      "participants(filter: $filter, first: 100, after: $after)",
    );
    const { cost } = measure(schema, parse(caseload));
    expect(Math.round(cost!)).toBe(10_766);
    expect(cost).toBeLessThan(GATEWAY_LIMITS.maxCost);
  });
});

describe("the subgraphs' own limits", () => {
  const planner = new QueryPlanner(supergraph);
  const subgraphSchemas = new Map([...supergraph.subgraphs()].map((subgraph) => [subgraph.name, subgraph.schema.toGraphQLJSSchema()]));

  function fetches(plan: QueryPlan): { serviceName: string; operation: string }[] {
    const found: { serviceName: string; operation: string }[] = [];
    const walk = (node: PlanNode | undefined): void => {
      if (!node) return;
      if (node.kind === "Fetch") found.push({ serviceName: node.serviceName, operation: node.operation });
      else if (node.kind === "Sequence" || node.kind === "Parallel") node.nodes.forEach(walk);
      else if (node.kind === "Flatten") walk(node.node);
      else if (node.kind === "Condition") [node.ifClause, node.elseClause].forEach(walk);
      else throw new Error(`unexpected plan node ${node.kind}`);
    };
    walk(plan.node as PlanNode | undefined);
    return found;
  }

  it("pass every subgraph operation of the contract's query plans, as measured in subgraph-limits.ts", () => {
    const deepest: Record<string, number> = {};
    let aliases = 0;
    for (const operation of operations) {
      const document = documentOf(operation);
      const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName: operation.name!.value }));
      for (const fetch of fetches(plan)) {
        const figures = measure(subgraphSchemas.get(fetch.serviceName)!, parse(fetch.operation), true);
        const key = `${operation.name!.value} ${fetch.serviceName}`;
        deepest[key] = Math.max(deepest[key] ?? 0, figures.depth);
        aliases = Math.max(aliases, figures.aliases);
      }
    }
    expect(Math.max(...Object.values(deepest))).toBe(5);
    expect(deepest["Participant360 saeil-centers"]).toBe(5);
    expect(deepest["Caseload job-centers"]).toBe(5);
    expect(aliases).toBe(0);
    expect(Math.max(...Object.values(deepest))).toBeLessThan(SUBGRAPH_LIMITS.maxDepth);
    // what the gateway lets through, the subgraphs must too (see subgraph-limits.ts for why depth carries over)
    expect(SUBGRAPH_LIMITS.maxDepth).toBeGreaterThanOrEqual(GATEWAY_LIMITS.maxDepth);
    expect(SUBGRAPH_LIMITS.maxAliases).toBeGreaterThanOrEqual(2 * GATEWAY_LIMITS.maxAliases);
  });

  it("pass the plan of an operation at the gateway's depth limit, whose deepest part is an entity of another subgraph", () => {
    // 7 deep at the gateway: participants → edges → node (job-centers) → saeilEnrollments → course → saeilCenter → name
    const document = parse("{ participants { edges { node { saeilEnrollments { course { saeilCenter { name } } } } } } }");
    expect(measure(apiSchema.toGraphQLJSSchema(), document).depth).toBe(GATEWAY_LIMITS.maxDepth);
    const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document));
    for (const fetch of fetches(plan)) {
      expect(measure(subgraphSchemas.get(fetch.serviceName)!, parse(fetch.operation), true).depth).toBeLessThanOrEqual(
        SUBGRAPH_LIMITS.maxDepth,
      );
    }
  });
});
