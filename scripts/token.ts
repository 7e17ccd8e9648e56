import path from "node:path";
import { parseArgs } from "node:util";
import { isProduction } from "@lib/auth/auth-env";
import { ensureLocalKeys, signToken } from "@lib/auth/dev-keys";
import { isRole, ROLE_OFFICE, ROLES } from "@lib/auth/roles";
import { readLauncherEnv } from "./env";

/**
 * `npm run token -- --role COUNSELOR --org 28 [--sub 1204] [--name 김상담] [--hours 12]`: prints a development
 * token, signed with the keys `npm start` made (`<DATA_DIR>/auth`), or with AUTH_JWT_SECRET outside production.
 * Only for the stand-in identity provider of a developer's machine: a deployment's tokens come from its provider.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      org: { type: "string" },
      sub: { type: "string" },
      name: { type: "string" },
      hours: { type: "string", default: "12" },
    },
    strict: true,
  });
  const role = values.role;
  if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(", ")}`);
  const needsOffice = ROLE_OFFICE[role] !== null;
  if (needsOffice && !/^[1-9][0-9]*$/.test(values.org ?? ""))
    throw new Error(`--org <office id> is required for ${role} (its ${ROLE_OFFICE[role]})`);
  if (!needsOffice && values.org) throw new Error(`${role} works for no office: leave out --org`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) throw new Error("--hours must be between 0 and 24");
  const secret = process.env.AUTH_JWT_SECRET?.trim();
  if (secret && isProduction(process.env.NODE_ENV))
    throw new Error("AUTH_JWT_SECRET signs tokens outside production only (set NODE_ENV=development)");
  const launcher = readLauncherEnv();
  const key = secret ? { secret } : await ensureLocalKeys(path.join(launcher.dataDir, "auth"));
  const token = await signToken(key, {
    role,
    org: needsOffice ? Number(values.org) : null,
    sub: values.sub ?? `${role.toLowerCase()}-${values.org ?? "ministry"}`,
    name: values.name ?? role,
    ...launcher.tokens,
    ttlSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  console.error(`[token] ${error.message}`);
  process.exit(2);
});
