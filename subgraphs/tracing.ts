import { preloadTracing } from "@lib/telemetry/preload";

// bin.ts imports this module first, so that http, graphql and pg are patched before anything else loads them; the
// service is named after the subgraph it runs (the launcher sets OTEL_SERVICE_NAME the same way)
preloadTracing(`njsp-${process.argv[2] ?? process.env.SUBGRAPH ?? "subgraph"}`);
