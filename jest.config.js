/** Unit tests (`*.test.ts`) and end-to-end tests (`*.e2e.ts`) run together against one real PostgreSQL. */
const { readFileSync } = require("node:fs");
const path = require("node:path");

// The compiler options live once, in .swcrc; jest's transformer needs the alias base as an absolute path.
const swcrc = JSON.parse(readFileSync(path.join(__dirname, ".swcrc"), "utf8"));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;

module.exports = {
  testEnvironment: "node",
  roots: [
    "<rootDir>/lib",
    "<rootDir>/gateway",
    "<rootDir>/subgraphs",
    "<rootDir>/seed",
    "<rootDir>/test",
    "<rootDir>/scripts",
    "<rootDir>/bench",
  ],
  testMatch: ["**/*.test.ts", "**/*.e2e.ts"],
  transform: { "^.+\\.[tj]s$": ["@swc/jest", { ...swcrc, swcrc: false }] },
  // jose, p-queue and p-timeout ship only ES modules: Node 20.19 requires them natively at run time, jest needs them compiled to CommonJS
  transformIgnorePatterns: ["/node_modules/(?!(jose|p-queue|p-timeout)/)"],
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testTimeout: 60_000,
  // end-to-end files each start five servers; two workers match the two cores CI has
  maxWorkers: 2,
};
