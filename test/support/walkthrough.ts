import { Kind, parse } from "graphql";
import { isRole, type Role } from "@lib/auth/roles";

/** One step of a README walkthrough: who runs what with which variables, and the answer the README shows. */
export interface WalkthroughStep {
  title: string;
  token: { role: Role; org: number | null; sub: string };
  operation: string;
  operationName: string;
  variables: unknown;
  answer: unknown;
}

/** Roles a step may name as "Token: the X's", meaning the token of the last step that minted one for that role. */
const TOKEN_OF: Record<string, Role> = {
  "the counsellor's": "COUNSELOR",
  "the partner's": "WELFARE_STAFF",
  "the Saeil center's": "SAEIL_STAFF",
};

/**
 * The steps of the README section `heading` (a `###` heading): each `####` step has a line `Token: …` (an
 * `npm run token -- --role R --org N --sub S` command, or one of {@link TOKEN_OF}), then three fenced blocks: the
 * operation (graphql), its variables (json) and the answer (json).
 */
export function parseWalkthrough(readme: string, heading: string): WalkthroughStep[] {
  const start = readme.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "### ${heading}"`);
  const rest = readme.slice(start + 1);
  const end = rest.search(/\n##{1,2} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const minted = new Map<Role, WalkthroughStep["token"]>();
  return section
    .split(/\n#### /)
    .slice(1)
    .map((text) => {
      const title = text.slice(0, text.indexOf("\n"));
      const tokenLine = /^Token: (.*)$/m.exec(text)?.[1];
      if (!tokenLine) throw new Error(`step "${title}" names no token`);
      const token = tokenOf(tokenLine, minted, title);
      minted.set(token.role, token);
      const fences = [...text.matchAll(/^```(\w+)\n([\s\S]*?)\n```$/gm)].map((m) => ({ language: m[1], body: m[2] }));
      if (fences.map((f) => f.language).join(" ") !== "graphql json json") {
        throw new Error(`step "${title}" must have three blocks: graphql, json (variables), json (answer)`);
      }
      const [operation, variables, answer] = fences.map((f) => f.body);
      const definitions = parse(operation).definitions;
      if (definitions.length !== 1 || definitions[0].kind !== Kind.OPERATION_DEFINITION || !definitions[0].name) {
        throw new Error(`step "${title}" must show one named operation`);
      }
      return {
        title,
        token,
        operation,
        operationName: definitions[0].name.value,
        variables: JSON.parse(variables) as unknown,
        answer: JSON.parse(answer) as unknown,
      };
    });
}

function tokenOf(line: string, minted: ReadonlyMap<Role, WalkthroughStep["token"]>, title: string): WalkthroughStep["token"] {
  const command = /`npm run token -- ([^`]+)`/.exec(line)?.[1];
  if (command) {
    const option = (name: string) => new RegExp(`--${name} (\\S+)`).exec(command)?.[1];
    const role = option("role");
    if (!isRole(role)) throw new Error(`step "${title}": the token command names no known --role`);
    return {
      role,
      org: option("org") ? Number(option("org")) : null,
      sub: option("sub") ?? `${role.toLowerCase()}-${option("org") ?? "ministry"}`,
    };
  }
  const named = Object.entries(TOKEN_OF).find(([words]) => line.startsWith(words));
  const token = named && minted.get(named[1]);
  if (!token) throw new Error(`step "${title}": "Token: ${line}" names no token an earlier step made`);
  return token;
}

/** The `<…>` placeholders a value holds, in order (a string that is one, or strings nested in arrays and objects). */
export function placeholdersIn(value: unknown): string[] {
  if (typeof value === "string") return /^<[a-z -]+>$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(placeholdersIn);
  return [];
}
