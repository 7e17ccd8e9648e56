#!/usr/bin/env node
// Installs dependencies when node_modules is missing or older than package-lock.json, so that `npm start` and
// `npm test` work on a fresh clone. Plain JavaScript: it runs before anything is installed or compiled.
const { createHash } = require("node:crypto");
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { execSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const lock = readFileSync(path.join(root, "package-lock.json"));
const wanted = createHash("sha256").update(lock).digest("hex");
const stamp = path.join(root, "node_modules", ".njsp-installed");

if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== wanted) {
  console.log("[install] installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, wanted);
}
