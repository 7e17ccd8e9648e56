import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { SCHEMA_DIR } from "@lib/config/paths";
import { SUBGRAPH_LIST } from "@subgraphs/registry";

/**
 * `schema:compose` prints each subgraph's SDL to `schema/<name>.graphql` and composes `schema/supergraph.graphql`
 * with @apollo/composition; no server or database is needed. `schema:check` composes the same way and fails when
 * the committed files differ, so a schema change cannot land without its artifacts.
 */
async function generate(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const services = [];
  for (const subgraph of SUBGRAPH_LIST) {
    const sdl = printSubgraphSchema(await subgraph.schema());
    files.set(`${subgraph.name}.graphql`, `${sdl.trim()}\n`);
    services.push({ name: subgraph.name, url: `http://localhost:${subgraph.defaultPort}/graphql`, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  files.set("supergraph.graphql", `${result.supergraphSdl.trim()}\n`);
  return files;
}

async function main(mode: string | undefined): Promise<void> {
  const files = await generate();
  if (mode === "compose") {
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const [file, text] of files) writeFileSync(path.join(SCHEMA_DIR, file), text);
    console.log(`wrote ${[...files.keys()].map((f) => `schema/${f}`).join(", ")}`);
    return;
  }
  if (mode === "check") {
    const stale = [...files].filter(([file, text]) => {
      const target = path.join(SCHEMA_DIR, file);
      return !existsSync(target) || readFileSync(target, "utf8") !== text;
    });
    if (stale.length > 0) {
      console.error(`schema:check: stale ${stale.map(([f]) => `schema/${f}`).join(", ")}; run \`npm run schema:compose\` and commit.`);
      process.exit(1);
    }
    console.log(`schema:check: ${files.size} files up to date`);
    return;
  }
  throw new Error("usage: schema.js compose|check");
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
