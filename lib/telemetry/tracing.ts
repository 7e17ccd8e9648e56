import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { readTracingEnv } from "./tracing-env";

let provider: NodeTracerProvider | undefined;

/**
 * Starts tracing when the `OTEL_*` variables ask for it (tracing-env.ts); otherwise does nothing and loads nothing.
 * Must run before the modules it instruments are loaded: each service imports it first (gateway/src/tracing.ts,
 * subgraphs/tracing.ts).
 */
export function initTracing(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const settings = readTracingEnv(env, defaultServiceName);
  if (!settings.enabled || provider) return provider !== undefined;
  // required here, not imported at the top: with tracing off the SDK and its instrumentations are never loaded
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional load is the point
  const { startTracing } = require("./start-tracing") as typeof import("./start-tracing");
  provider = startTracing(settings.serviceName);
  return true;
}

/** Sends the spans still buffered and stops the exporter; call before the process exits. A no-op when tracing is off. */
export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown();
}
