import { preloadTracing } from "@lib/telemetry/preload";

// bin.ts imports this module first, so that http and graphql are patched before anything else loads them
preloadTracing("njsp-gateway");
