import { ExponentialBackoff, type IBackoff } from "cockatiel";
import type { RunningPostgres } from "@lib/platform/embedded-postgres";

/**
 * Keeps the launcher's embedded PostgreSQL running: when it dies unexpectedly the event is logged and it is started
 * again after a growing, jittered delay (cockatiel's backoff). The services stay up meanwhile, answer
 * DATABASE_UNAVAILABLE and reconnect by themselves once it is back. Returns the function that ends supervision, to be
 * called before a deliberate stop.
 */
export function supervisePostgres(postgres: RunningPostgres, log: (line: string) => void): () => void {
  if (!postgres.exited || !postgres.restart) return () => undefined;
  const { exited, restart } = { exited: postgres.exited, restart: postgres.restart };
  const factory = new ExponentialBackoff({ initialDelay: 500, maxDelay: 30_000 });
  let stopped = false;
  let backoff: IBackoff<unknown> | undefined;

  const watch = () => {
    void exited().then(async () => {
      while (!stopped) {
        backoff = backoff ? backoff.next(undefined) : factory.next();
        log(`embedded PostgreSQL exited; restarting in ${Math.round(backoff.duration)} ms`);
        await new Promise((resolve) => setTimeout(resolve, backoff!.duration));
        if (stopped) return;
        try {
          await restart();
          log("embedded PostgreSQL restarted");
          backoff = undefined;
          watch();
          return;
        } catch (error) {
          log(`embedded PostgreSQL did not restart: ${(error as Error)?.message ?? "exited"}`);
        }
      }
    });
  };
  watch();
  return () => {
    stopped = true;
  };
}
