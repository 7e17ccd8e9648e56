#!/usr/bin/env node
// Installs Debian's Chromium (and a CJK font, so screenshots show Korean) for test/graphiql-browser.e2e.ts, when it
// is missing and this machine can: root with apt-get, as a CI container is. Never fails the run: anywhere else it
// says what to install, and that test skips. Nothing is downloaded but the distribution's own packages.
const { existsSync } = require("node:fs");
const { spawnSync } = require("node:child_process");

const CHROMIUM = "/usr/bin/chromium";
const PACKAGES = ["chromium", "fonts-noto-cjk"];

function main() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!isRoot || !hasApt) {
    console.warn(`[chromium] ${CHROMIUM} is missing and cannot be installed here (needs root and apt-get): the browser test skips.`);
    console.warn(`[chromium] to run it: sudo apt-get install -y ${PACKAGES.join(" ")}`);
    return;
  }
  console.log(`[chromium] installing ${PACKAGES.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args) => spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0;
  // the package lists of a fresh container are empty: one update, then the install
  if (!run(["install", "-y", ...PACKAGES]) && !(run(["update"]) && run(["install", "-y", ...PACKAGES]))) {
    console.warn("[chromium] apt-get could not install it: the browser test skips.");
  }
}

try {
  main();
} catch (error) {
  console.warn(`[chromium] not installed (${error.message}): the browser test skips.`);
}
