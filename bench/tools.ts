import { createRequire } from "node:module";
import path from "node:path";
import type autocannon from "autocannon";
import type * as HiveGateway from "@graphql-hive/gateway";
import { PROJECT_ROOT } from "@lib/config/paths";

/**
 * The benchmark's own tools, installed apart in `bench/tools` (`scripts/ensure-bench-tools.js`) so that the root
 * install does not carry them: only the benchmark and its tests use them. Node would not find them from `bench/` or
 * `dist/bench/` by walking up, so they are required relative to `bench/tools/package.json`, which works the same
 * from the sources (jest) and from the compiled `dist/`. Everything else, `graphql` included, still resolves from
 * the root `node_modules` (bench/tools links `graphql` to the root's copy: one copy per process).
 *
 * Elsewhere in bench/ these modules are imported with `import type` only (tsconfig `paths` lead tsc to them).
 */
interface BenchTools {
  autocannon: typeof autocannon;
  "@graphql-hive/gateway": typeof HiveGateway;
}

const requireTool = createRequire(path.join(PROJECT_ROOT, "bench", "tools", "package.json"));

/** A tool from `bench/tools/node_modules`; when it is missing, the error says how to install it. */
export function benchTool<Name extends keyof BenchTools>(name: Name): BenchTools[Name] {
  try {
    return requireTool(name) as BenchTools[Name];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new Error(`${name} could not be loaded from bench/tools: run \`npm run install:bench\``, { cause: error });
  }
}
