import { EnvError } from "@lib/env/env";
import { readTracingEnv } from "./tracing-env";

const ENDPOINT = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" };

it("is off unless an OTLP endpoint is set, and names the service after the process unless OTEL_SERVICE_NAME does", () => {
  expect(readTracingEnv({}, "njsp-gateway")).toEqual({ enabled: false, serviceName: "njsp-gateway" });
  expect(readTracingEnv(ENDPOINT, "njsp-gateway")).toEqual({ enabled: true, serviceName: "njsp-gateway" });
  expect(readTracingEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://c:4318/v1/traces" }, "x")).toEqual({
    enabled: true,
    serviceName: "x",
  });
  expect(readTracingEnv({ ...ENDPOINT, OTEL_SERVICE_NAME: "gw-2" }, "njsp-gateway").serviceName).toBe("gw-2");
});

it("stays off when the SDK or the trace exporter is switched off", () => {
  expect(readTracingEnv({ ...ENDPOINT, OTEL_SDK_DISABLED: "true" }, "x").enabled).toBe(false);
  expect(readTracingEnv({ ...ENDPOINT, OTEL_TRACES_EXPORTER: "none" }, "x").enabled).toBe(false);
});

it("refuses a protocol or exporter it does not speak, and an endpoint that is no URL", () => {
  expect(readTracingEnv({ ...ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" }, "x").enabled).toBe(true);
  expect(() => readTracingEnv({ ...ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "x")).toThrow(
    new EnvError(['OTEL_EXPORTER_OTLP_PROTOCOL must be http/json, or unset: traces are exported as OTLP/HTTP JSON (got "grpc")']),
  );
  expect(() => readTracingEnv({ ...ENDPOINT, OTEL_TRACES_EXPORTER: "zipkin" }, "x")).toThrow(/OTEL_TRACES_EXPORTER must be otlp or none/);
  expect(() => readTracingEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" }, "x")).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be/);
});
