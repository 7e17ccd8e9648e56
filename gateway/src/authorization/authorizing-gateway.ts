import { createHash } from "node:crypto";
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult } from "@apollo/server-gateway-interface";
import { GraphQLError, print, type GraphQLSchema } from "graphql";
import type { Caller } from "@lib/auth/bearer";
import { ANONYMOUS, type Viewer } from "@lib/auth/viewer";
import { authorizeOperation, type AuthorizedOperation } from "./authorize-operation";
import { fillRefused } from "./fill-refused";
import { splitSupergraph, type SupergraphPolicies } from "./supergraph-policies";

/**
 * Apollo Gateway with the supergraph's authorization rules enforced before planning: the fields a viewer may not
 * read are taken out of the operation (so no subgraph is asked for them), come back `null`, and each gets a
 * `FORBIDDEN` error naming the field and the reason; the rest of the response still comes.
 *
 * The rules are read from each supergraph Apollo Gateway loads, in the same callback that hands over its schema, so
 * schema and rules change together when the supergraph is reloaded (use-supergraph-file.ts).
 */
export class AuthorizingGateway implements GatewayInterface {
  private apiSchema: GraphQLSchema | undefined;
  private policies: SupergraphPolicies | undefined;
  /** What each operation becomes for each shape of viewer: the same few operations come again and again. */
  private readonly authorized = new Map<string, AuthorizedOperation & { queryHash: string }>();

  constructor(private readonly inner: GatewayInterface) {
    inner.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.forget();
      // Closed on failure: without rules nothing is served. Unreachable in practice, as every supergraph is read by
      // splitSupergraph before the planner gets it; Apollo Gateway would log a throw here and swap the schema anyway.
      this.apiSchema = undefined;
      this.policies = splitSupergraph(coreSupergraphSdl).policies;
      this.apiSchema = apiSchema;
    });
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0]) {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  async load(options: Parameters<GatewayInterface["load"]>[0]): Promise<GatewayLoadResult> {
    const loaded = await this.inner.load(options);
    return { ...loaded, executor: loaded.executor && this.authorizing(loaded.executor) };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** The schema changed (a new supergraph): what was authorized against the old one no longer counts. */
  private forget(): void {
    this.authorized.clear();
  }

  private authorizing(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const { apiSchema: schema, policies } = this;
      if (!schema || !policies) throw new Error("the supergraph's access rules could not be read");
      const viewer = (requestContext.context as Partial<Caller>).viewer ?? ANONYMOUS;
      const operationName = requestContext.operationName ?? undefined;
      const key = `${requestContext.queryHash}\n${operationName ?? ""}\n${ruleShape(viewer)}`;
      let authorized = this.authorized.get(key);
      if (!authorized) {
        const { document, refusals } = authorizeOperation(schema, policies, requestContext.document, operationName, viewer);
        // the plan cache is keyed by the query's hash: the filtered query is another query, with a plan of its own
        const queryHash = refusals.length > 0 ? createHash("sha256").update(print(document)).digest("hex") : requestContext.queryHash;
        authorized = { document, refusals, queryHash };
        if (this.authorized.size >= AUTHORIZED_CACHE_SIZE) this.authorized.delete(this.authorized.keys().next().value as string);
        this.authorized.set(key, authorized);
      }
      const { document, refusals, queryHash } = authorized;
      if (refusals.length === 0) return executor(requestContext);
      const result = await executor({ ...requestContext, document, queryHash });
      const data = result.data
        ? fillRefused(schema, requestContext.document, requestContext.operationName ?? undefined, { ...result.data })
        : result.data;
      const forbidden = refusals.map(
        (refusal) =>
          new GraphQLError(`Not allowed to read ${refusal.coordinate}: ${refusal.reason}.`, {
            path: refusal.path,
            extensions: { code: "FORBIDDEN", field: refusal.coordinate, reason: refusal.reason },
          }),
      );
      return { ...result, data, errors: [...forbidden, ...(result.errors ?? [])] };
    };
  }
}

const AUTHORIZED_CACHE_SIZE = 2000;

/**
 * What the rules can tell apart about a viewer: signed in or not, the role (its scopes) and whether they work for an
 * office (the `office-staff` policy). Two viewers of the same shape get the same fields of the same operation.
 */
function ruleShape(viewer: Viewer): string {
  return viewer.kind === "user" ? `${viewer.role}:${viewer.org ? "office" : "ministry"}` : "anonymous";
}
