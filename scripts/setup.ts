import { readLauncherEnv } from "./env";
import { provideDatabases } from "./support/databases";

/**
 * `npm run setup`: create, migrate and (when empty) seed the four databases, then exit. Containers run it once
 * before the subgraphs start; `npm start` does the same itself.
 */
async function main(): Promise<void> {
  const databases = await provideDatabases(readLauncherEnv(), (line) => console.log(`[setup] ${line}`));
  await databases.stop();
}

main().catch((error: Error) => {
  console.error(`[setup] ${error.message}`);
  process.exit(1);
});
