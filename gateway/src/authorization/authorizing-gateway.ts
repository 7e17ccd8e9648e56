import { createHash } from "node:crypto";
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult } from "@apollo/server-gateway-interface";
import { GraphQLError, print, type GraphQLSchema } from "graphql";
import type { Caller } from "@lib/auth/bearer";
import { ANONYMOUS } from "@lib/auth/viewer";
import { authorizeOperation } from "./authorize-operation";
import { fillRefused } from "./fill-refused";
import type { SupergraphPolicies } from "./supergraph-policies";

/**
 * Apollo Gateway with the supergraph's authorization rules enforced before planning: the fields a viewer may not
 * read are taken out of the operation (so no subgraph is asked for them), come back `null`, and each gets a
 * `FORBIDDEN` error naming the field and the reason; the rest of the response still comes.
 */
export class AuthorizingGateway implements GatewayInterface {
  private apiSchema: GraphQLSchema | undefined;

  constructor(
    private readonly inner: GatewayInterface,
    private readonly policies: SupergraphPolicies,
  ) {
    inner.onSchemaLoadOrUpdate(({ apiSchema }) => (this.apiSchema = apiSchema));
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

  private authorizing(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const schema = this.apiSchema;
      if (!schema) return executor(requestContext);
      const viewer = (requestContext.context as Partial<Caller>).viewer ?? ANONYMOUS;
      const { document, refusals } = authorizeOperation(
        schema,
        this.policies,
        requestContext.document,
        requestContext.operationName ?? undefined,
        viewer,
      );
      if (refusals.length === 0) return executor(requestContext);
      // the plan cache is keyed by the query's hash: the filtered query is another query, with a plan of its own
      const queryHash = createHash("sha256").update(print(document)).digest("hex");
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
