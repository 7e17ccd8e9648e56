import { EnvError } from "@lib/env/env";
import { initTracing } from "./tracing";

/**
 * What a service's first import runs: tracing on or off by the `OTEL_*` variables. A bad value stops the process
 * with the same message and exit code (2) as any other bad variable, before anything else has started.
 */
export function preloadTracing(defaultServiceName: string): void {
  try {
    initTracing(defaultServiceName);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[${defaultServiceName}] ${error.message}`);
    process.exit(2);
  }
}
