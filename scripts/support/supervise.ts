import { ExponentialBackoff, type IBackoff } from "cockatiel";
import type { ServiceProcess } from "./processes";

/** Options of {@link supervise}. */
export interface SuperviseOptions {
  /** Starts the service again; its process replaces the dead one. */
  restart(): ServiceProcess;
  /** True once the launcher is stopping: an exit then is expected and nothing is restarted. */
  stopping(): boolean;
  log(line: string): void;
  /** First and longest wait before a restart (default 500 ms and 30 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A process that ran this long before dying starts the backoff over (default 60 s). */
  stableAfterMs?: number;
}

/** The process a supervised service has now (it changes on every restart). */
export interface Supervised {
  current(): ServiceProcess;
}

/**
 * Keeps one service running: when its process dies unexpectedly, the event is logged and it is started again after a
 * growing, jittered delay (cockatiel's exponential backoff), while the other services keep serving. A service that
 * crashes at once on every start is thus retried ever more slowly instead of in a tight loop.
 */
export function supervise(first: ServiceProcess, options: SuperviseOptions): Supervised {
  const factory = new ExponentialBackoff({ initialDelay: options.initialDelayMs ?? 500, maxDelay: options.maxDelayMs ?? 30_000 });
  let backoff: IBackoff<unknown> | undefined;
  let current = first;
  let startedAt = Date.now();

  const watch = (service: ServiceProcess) => {
    void service.exited.then((code) => {
      if (options.stopping()) return;
      if (Date.now() - startedAt >= (options.stableAfterMs ?? 60_000)) backoff = undefined;
      backoff = backoff ? backoff.next(undefined) : factory.next();
      const signal = service.child.signalCode;
      options.log(
        `${service.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${Math.round(backoff.duration)} ms`,
      );
      setTimeout(() => {
        if (options.stopping()) return;
        current = options.restart();
        startedAt = Date.now();
        options.log(`${service.name} restarted (pid ${current.child.pid})`);
        watch(current);
      }, backoff.duration);
    });
  };
  watch(first);
  return { current: () => current };
}
