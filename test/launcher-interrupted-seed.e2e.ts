import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_NAMES, SUBGRAPHS } from "@subgraphs/registry";
import { freePorts } from "../bench/system";
import { spawnLauncher } from "./support/launcher-process";

/**
 * `npm start` interrupted during its first seed (Ctrl-C, or the benchmark giving up on a long one): the launcher
 * stops the embedded PostgreSQL it started instead of leaving it running on its port and data directory.
 */
/** Whether something accepts connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

it("stops its embedded PostgreSQL when interrupted while seeding", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "njsp-interrupted-seed-"));
  const [pgPort] = await freePorts(1);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATA_DIR: dataDir,
    PG_PORT: String(pgPort),
    // long enough that the signal arrives while seeding
    SEED_PARTICIPANTS: "300000",
  };
  // the launcher's own embedded server, not the tests' databases
  for (const name of ["DATABASE_URL", "DATABASE_PREFIX", ...SUBGRAPH_NAMES.map((n) => subgraphVariable(SUBGRAPHS[n], "DATABASE_URL"))]) {
    delete env[name];
  }
  const launcher = spawnLauncher(env);
  const { child, exited } = launcher;
  try {
    await launcher.waitFor("seeding demo data", 90_000);
    expect(launcher.output()).toContain("seeding demo data: 300000 participants");
    expect(await listening(pgPort)).toBe(true);

    child.kill("SIGINT");
    await exited;
    // pg_ctl stop has returned by then; allow the postmaster a moment to close its socket
    const until = Date.now() + 10_000;
    while ((await listening(pgPort)) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await listening(pgPort)).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 150_000);
