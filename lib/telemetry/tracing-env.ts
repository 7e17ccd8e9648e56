import { EnvReader, type Environment } from "@lib/env/env";

/**
 * Whether this process exports traces, decided from the standard OpenTelemetry variables alone: tracing is on only
 * when an OTLP endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT`, or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` for traces
 * alone) and neither `OTEL_SDK_DISABLED=true` nor `OTEL_TRACES_EXPORTER=none` says otherwise. Off, no SDK module is
 * even loaded. The exporter, its batching and the resource read the other `OTEL_*` variables themselves.
 */
export interface TracingSettings {
  enabled: boolean;
  /** `OTEL_SERVICE_NAME`, else the process's own name (`njsp-gateway`, `njsp-job-centers`, …). */
  serviceName: string;
}

/** The protocols our exporter speaks: OTLP over HTTP with JSON bodies (every OTLP/HTTP receiver accepts them). */
const PROTOCOLS = ["http/json"];

export function readTracingEnv(env: Environment, defaultServiceName: string): TracingSettings {
  const read = new EnvReader(env);
  const endpointVariable = read.optional("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    ? "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
    : "OTEL_EXPORTER_OTLP_ENDPOINT";
  const endpoint = read.optional(endpointVariable);
  const disabled = read.bool("OTEL_SDK_DISABLED", false) || read.optional("OTEL_TRACES_EXPORTER") === "none";
  const enabled = endpoint !== undefined && !disabled;
  if (enabled) {
    read.url(endpointVariable, "");
    for (const name of ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"]) {
      const protocol = read.optional(name);
      if (protocol !== undefined && !PROTOCOLS.includes(protocol)) {
        read.problem(
          `${name} must be ${PROTOCOLS.join(" or ")}, or unset: traces are exported as OTLP/HTTP JSON (got ${JSON.stringify(protocol)})`,
        );
      }
    }
    const exporter = read.optional("OTEL_TRACES_EXPORTER");
    if (exporter !== undefined && exporter !== "otlp")
      read.problem(`OTEL_TRACES_EXPORTER must be otlp or none (got ${JSON.stringify(exporter)})`);
  }
  return read.done({ enabled, serviceName: read.str("OTEL_SERVICE_NAME", defaultServiceName) });
}
