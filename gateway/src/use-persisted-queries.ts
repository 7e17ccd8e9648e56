import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ApolloServerPlugin, PersistedQueryOptions } from "@apollo/server";
import type { RequestHandler } from "express";
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { PROJECT_ROOT } from "@lib/config/paths";

/**
 * Persisted queries. Automatic persisted queries (APQ) are always on: a client sends the sha256 of its query in
 * `extensions.persistedQuery.sha256Hash`; on a miss the answer is `PERSISTED_QUERY_NOT_FOUND`, the client sends the
 * query with the hash once, and from then on the hash alone will do.
 *
 * In safelist mode (`SAFELIST=true`) only the registered operations run: those of the client contract
 * (`test/contract/operations.graphql`, or the file `SAFELIST_PATH` names), read at start. A request is accepted
 * when the sha256 of its query text, or the APQ hash it sends without the text, is one of:
 * - the contract file as it is (clients send it whole with an `operationName`, as the contract tests do);
 * - each operation alone, as the file writes it (from `query` to its closing brace);
 * - each operation alone as graphql-js prints it (what code generators send), and the whole file printed.
 * Anything else is refused before it is parsed: HTTP 403, `PERSISTED_QUERY_NOT_IN_SAFELIST`. The APQ cache then
 * holds exactly the registered texts and nothing is added to it, so a registered hash hits at once.
 */

/** The client contract: the default safelist. */
export const DEFAULT_SAFELIST_PATH = path.join(PROJECT_ROOT, "test", "contract", "operations.graphql");

/** Characters of query text the APQ cache holds at most (LRU); Apollo's default shares 30 MiB with other caches. */
const APQ_CACHE_CHARS = 4 * 1024 * 1024;

export const NOT_IN_SAFELIST = "PERSISTED_QUERY_NOT_IN_SAFELIST";

/** The registered documents: sha256 (hex) of each accepted text, and the text. */
export interface Safelist {
  /** Where it was read from. */
  source: string;
  texts: ReadonlyMap<string, string>;
  /** The operations it registers, by name. */
  operationNames: readonly string[];
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The safelist of a document of named operations (and the fragments they use); throws on an unusable document. */
export function safelistOf(text: string, source = "(inline)"): Safelist {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`The safelist ${source} is not a GraphQL document: ${(error as Error).message}`, { cause: error });
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) throw new Error(`The safelist ${source} holds no operation.`);
  const unnamed = operations.find((operation) => !operation.name);
  if (unnamed) throw new Error(`Every operation of the safelist ${source} must have a name (line ${unnamed.loc?.startToken.line}).`);

  const texts = new Map<string, string>();
  const add = (value: string) => texts.set(sha256(value), value);
  add(text);
  add(print(document));
  for (const operation of operations) {
    const used = withFragments(operation, document);
    add(used.map((definition) => text.slice(definition.loc!.start, definition.loc!.end)).join("\n\n"));
    add(print({ kind: Kind.DOCUMENT, definitions: used }));
  }
  return { source, texts, operationNames: operations.map((operation) => operation.name!.value) };
}

/** Reads the safelist file; a start-up error names the file and what is wrong with it. */
export function loadSafelist(file: string = DEFAULT_SAFELIST_PATH): Safelist {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the safelist ${file} (SAFELIST_PATH): ${(error as Error).message}`, { cause: error });
  }
  return safelistOf(text, file);
}

/** An operation and the fragment definitions it uses, transitively, in the document's order. */
export function withFragments(operation: OperationDefinitionNode, document: DocumentNode): DefinitionNode[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const used = new Set<string>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.has(node.name.value)) {
          used.add(node.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  return document.definitions.filter((d) => d === operation || (d.kind === Kind.FRAGMENT_DEFINITION && used.has(d.name.value)));
}

type ApqCache = NonNullable<PersistedQueryOptions["cache"]>;

/** Apollo Server prefixes APQ keys with this before asking the cache. */
const APQ_PREFIX = "apq:";

/** A bounded LRU for APQ: at most {@link APQ_CACHE_CHARS} characters of query text, least recently used out first. */
export class BoundedApqCache implements ApqCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = APQ_CACHE_CHARS) {}

  get(key: string): Promise<string | undefined> {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return Promise.resolve(value);
  }

  set(key: string, value: string): Promise<void> {
    this.remove(key);
    if (value.length > this.maxChars) return Promise.resolve();
    this.entries.set(key, value);
    this.chars += value.length;
    for (const [oldest, text] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= text.length;
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.remove(key));
  }

  private remove(key: string): boolean {
    const value = this.entries.get(key);
    if (value === undefined) return false;
    this.entries.delete(key);
    this.chars -= value.length;
    return true;
  }
}

/** The APQ cache of safelist mode: the registered texts, read-only. */
class SafelistApqCache implements ApqCache {
  constructor(private readonly safelist: Safelist) {}

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.safelist.texts.get(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key));
  }

  set(): Promise<void> {
    return Promise.resolve();
  }

  delete(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

/** What {@link usePersistedQueries} adds to the gateway. */
export interface PersistedQueriesSetup {
  /** Apollo Server's `persistedQueries` option. */
  persistedQueries: PersistedQueryOptions;
  /** Express middleware before Apollo Server (after the JSON body parser): the safelist check, or nothing. */
  guard: RequestHandler;
  plugins: ApolloServerPlugin[];
}

/** Apollo Server's own APQ refusals that carry no code (the gateway would mask them as internal errors). */
const UNCODED_APQ_ERRORS = new Set(["provided sha does not match query", "Unsupported persisted query version"]);

/**
 * Gives Apollo Server's APQ refusals without a code (a hash that is not the query's, an unknown version; HTTP 400)
 * the code `BAD_REQUEST`, so that they reach the client as they are instead of as "Internal server error".
 */
function apqErrorCodes(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (UNCODED_APQ_ERRORS.has(error.message) && error.extensions.code === undefined) {
              (error.extensions as Record<string, unknown>).code = "BAD_REQUEST";
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * APQ, and with a safelist only its operations. `safelist`: a loaded {@link Safelist}, or null for no safelist
 * (every operation may run and APQ registers whatever passes the other limits).
 */
export function usePersistedQueries(safelist: Safelist | null): PersistedQueriesSetup {
  if (!safelist) {
    return {
      persistedQueries: { cache: new BoundedApqCache(), ttl: null },
      guard: (_req, _res, next) => next(),
      plugins: [apqErrorCodes()],
    };
  }
  const guard: RequestHandler = (req, res, next) => {
    const { query, hash } = requestedOperation(req.method, req.body, req.query);
    // a request with neither is malformed; Apollo Server answers it (400)
    if (query === undefined && hash === undefined) return next();
    if (safelist.texts.has(query === undefined ? hash! : sha256(query))) return next();
    res.status(403).json({
      errors: [
        {
          message: `Only registered operations run here (${safelist.operationNames.join(", ")}); this one is not registered.`,
          extensions: { code: NOT_IN_SAFELIST },
        },
      ],
    });
  };
  return { persistedQueries: { cache: new SafelistApqCache(safelist), ttl: null }, guard, plugins: [apqErrorCodes()] };
}

/** The query text and APQ hash of a POST body or GET query string, as Apollo Server reads them. */
function requestedOperation(method: string, body: unknown, search: unknown): { query?: string; hash?: string } {
  const source = (method === "GET" ? search : body) as { query?: unknown; extensions?: unknown } | undefined;
  if (!source || typeof source !== "object") return {};
  let extensions = source.extensions;
  if (typeof extensions === "string") {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      extensions = undefined;
    }
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return {
    query: typeof source.query === "string" ? source.query : undefined,
    hash: typeof hash === "string" ? hash : undefined,
  };
}
