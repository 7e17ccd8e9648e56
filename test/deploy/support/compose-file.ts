import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import { parse } from "yaml";
import { PROJECT_ROOT } from "@lib/config/paths";

export interface ComposeService {
  command?: string[];
  restart?: string;
  environment?: Record<string, string | number | boolean | null>;
  ports?: (string | number | Record<string, unknown>)[];
  expose?: (string | number)[];
  networks?: string[] | Record<string, unknown>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  depends_on?: Record<string, { condition: string }>;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, unknown>;
}

export const composePath = path.join(PROJECT_ROOT, "docker-compose.yml");

/** docker-compose.yml as Compose reads it: YAML with its `<<` merge keys applied (the x- fragments it defines). */
export function readCompose(file = composePath): ComposeFile {
  return parse(readFileSync(file, "utf8"), { merge: true }) as ComposeFile;
}

/**
 * The Compose Specification's JSON schema (compose-spec/compose-spec, `schema/compose-spec.json`, Apache-2.0) as the
 * dclint package keeps it up to date, compiled with ajv. Its `$schema` names draft-07 by an address ajv does not
 * preload, and it writes union types throughout: ajv's default draft is 07, and `strictTypes` is only style.
 */
export function composeSchemaErrors(): (document: unknown) => ErrorObject[] {
  const schemaFile = path.join(path.dirname(require.resolve("dclint/package.json")), "schemas", "compose.schema.json");
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
  const validate = new Ajv({ allErrors: true, strictTypes: false }).compile(schema);
  return (document) => (validate(document) ? [] : (validate.errors ?? []));
}

/** A service's environment as name → text (Compose also allows a `NAME=value` list; this file uses the map). */
export function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value ?? "")]));
}

/** The networks a service joins, by name. */
export function networksOf(service: ComposeService): string[] {
  return Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
}

/**
 * A value as Compose interpolates it from an empty environment: `${NAME:-default}` and `${NAME-default}` give the
 * default, `$$` a literal `$`. Any other form (`${NAME}` without a default, `:?`, `:+`) throws, so a test cannot
 * pass on a value Compose would read differently.
 */
export function withDefaults(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Z0-9_]+)(:?-)([^}]*)\}|\$\{[^}]*\}|\$[A-Za-z_]/g,
    (match, _name, operator: string | undefined, fallback: string) => {
      if (match === "$$") return "$";
      if (operator) return fallback;
      throw new Error(`no default in ${JSON.stringify(value)} at ${match}`);
    },
  );
}
