import path from "node:path";
import { readLauncherEnv } from "./env";
import { provideDatabases } from "./support/databases";
import { provideLocalAuth } from "./support/local-auth";

/**
 * `npm run setup`: create, migrate and (when empty) seed the four databases, and, when no identity provider is
 * configured (`AUTH_*` unset), make the local signing keys `npm start` would make; then exit. Containers run it once
 * before the subgraphs start (docker-compose.yml shares the keys' folder with them); `npm start` does the same itself.
 */
async function main(): Promise<void> {
  const env = readLauncherEnv();
  const log = (line: string) => console.log(`[setup] ${line}`);
  const databases = await provideDatabases(env, log);
  await databases.stop();
  const auth = await provideLocalAuth(env.dataDir, process.env);
  if (auth.keys) log(`local signing keys in ${path.dirname(auth.keys.jwksPath)}; tokens: npm run token -- --role COUNSELOR --org <id>`);
}

main().catch((error: Error) => {
  console.error(`[setup] ${error.message}`);
  process.exit(1);
});
