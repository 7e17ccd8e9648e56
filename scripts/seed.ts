import { parseArgs } from "node:util";
import { readLauncherEnv } from "./env";
import { provideDatabases } from "./support/databases";

/**
 * `npm run seed -- --participants N --seed S`: reseeds the four agency databases (the same seed gives the same
 * data), wherever `npm start` would find them: the embedded PostgreSQL by default, or DATABASE_URL's server.
 * Databases are created and migrated first if needed. The press release's figures hold from 3,000 participants.
 */
function options(defaults: { participants: number; seed: string }) {
  const { values } = parseArgs({
    options: {
      participants: { type: "string", default: String(defaults.participants) },
      seed: { type: "string", default: defaults.seed },
    },
    strict: true,
  });
  const participants = Number(values.participants);
  if (!Number.isInteger(participants) || participants < 1) {
    throw new Error(`--participants must be a positive integer, not "${values.participants}"`);
  }
  return { participants, seed: values.seed };
}

async function main(): Promise<void> {
  const env = readLauncherEnv();
  const reseed = options({ participants: env.seedParticipants, seed: env.seed });
  const databases = await provideDatabases(env, (line) => console.log(`[seed] ${line}`), reseed);
  await databases.stop();
}

main().catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`.split("\n")[0]);
  process.exitCode = 1;
});
