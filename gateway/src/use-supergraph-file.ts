import { createHash } from "node:crypto";
import { unwatchFile, watchFile } from "node:fs";
import { readFile } from "node:fs/promises";
import type { SupergraphSdlHook } from "@apollo/gateway";
import { splitSupergraph } from "./authorization/supergraph-policies";

/** How the gateway watches its supergraph file; tests shorten the intervals. */
export interface SupergraphFileOptions {
  /** How often the file's size and mtime are looked at, in ms (default 1000). */
  pollMs?: number;
  /** After a change is seen, wait this long for the writer to finish before reading (default 200 ms). */
  settleMs?: number;
  /** Where reloads and refusals are reported; default console. */
  log?: { info(message: string): void; error(message: string): void };
}

export const DEFAULT_SUPERGRAPH_POLL_MS = 1000;

/**
 * Apollo Gateway's documented hook for a supergraph it does not fetch itself (`supergraphSdl` as a function with
 * an `update` callback): serves the file at `path` and hands each new version to `update`.
 *
 * Polling with `fs.watchFile` (one stat per interval) rather than `fs.watch`: it follows the path, so it sees a file
 * replaced by rename (atomic writes, editors) or a Kubernetes ConfigMap's symlink swap, which an inotify watch on
 * the old inode misses. A version is refused, logged, and the previous one keeps serving when our authorization
 * reader cannot read it (unparsable SDL, a malformed rule) or Apollo Gateway cannot build it (composition
 * validation): `update` throws before it swaps anything. Requests in flight finish on the plan they started with.
 */
export function supergraphFile(path: string, options: SupergraphFileOptions = {}): SupergraphSdlHook {
  const log = options.log ?? { info: (m: string) => console.log(m), error: (m: string) => console.error(m) };
  const pollMs = options.pollMs ?? DEFAULT_SUPERGRAPH_POLL_MS;
  const settleMs = options.settleMs ?? 200;

  return async ({ update }) => {
    const first = await readFile(path, "utf8");
    // the first version must be good: a gateway with nothing to serve must not start
    const initialPlannerSdl = splitSupergraph(first).plannerSdl;
    let served = digest(first);
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;

    const reload = async () => {
      let sdl: string;
      try {
        sdl = await readFile(path, "utf8");
      } catch (error) {
        log.error(`[gateway] supergraph ${path} unreadable (${(error as Error).message}); still serving ${served}`);
        return;
      }
      const version = digest(sdl);
      if (stopped || version === served) return;
      try {
        // the authorization reader first: the planner must never get a supergraph whose rules we cannot enforce
        update(splitSupergraph(sdl).plannerSdl);
      } catch (error) {
        log.error(`[gateway] supergraph ${path} (${version}) refused, still serving ${served}: ${firstLine(error)}`);
        return;
      }
      log.info(`[gateway] supergraph reloaded from ${path}: ${served} → ${version}`);
      served = version;
    };

    const onChange = () => {
      // a writer may take several writes: read once it has been quiet for settleMs
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), settleMs);
    };
    watchFile(path, { interval: pollMs, persistent: false }, onChange);

    return {
      supergraphSdl: initialPlannerSdl,
      cleanup: () => {
        stopped = true;
        clearTimeout(timer);
        unwatchFile(path, onChange);
        return Promise.resolve();
      },
    };
  };
}

function digest(sdl: string): string {
  return `sha256:${createHash("sha256").update(sdl).digest("hex").slice(0, 12)}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
