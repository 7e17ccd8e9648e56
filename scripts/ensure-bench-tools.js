#!/usr/bin/env node
// Installs the benchmark's own tools (autocannon, Hive Gateway: bench/tools/package.json) when bench/tools/node_modules
// is missing or older than bench/tools/package-lock.json. They are kept out of the root install because only
// `npm run bench` and the benchmark's tests use them, and Hive Gateway with the OpenTelemetry it pulls in is hundreds
// of MB. Plain JavaScript, like ensure-installed.js: it runs before anything is compiled.
const { createHash } = require("node:crypto");
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { execSync } = require("node:child_process");
const path = require("node:path");

const tools = path.resolve(__dirname, "..", "bench", "tools");
const lock = readFileSync(path.join(tools, "package-lock.json"));
const wanted = createHash("sha256").update(lock).digest("hex");
const stamp = path.join(tools, "node_modules", ".njsp-bench-tools-installed");

if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== wanted) {
  console.log("[install] installing the benchmark's tools in bench/tools (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { cwd: tools, stdio: "inherit" });
  writeFileSync(stamp, wanted);
}
