/** Unit tests (`*.test.ts`) and end-to-end tests (`*.e2e.ts`) run together against one real PostgreSQL. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/lib", "<rootDir>/gateway", "<rootDir>/subgraphs", "<rootDir>/seed", "<rootDir>/test", "<rootDir>/scripts", "<rootDir>/bench"],
  testMatch: ["**/*.test.ts", "**/*.e2e.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: "es2022",
          keepClassNames: true,
        },
        module: { type: "commonjs" },
      },
    ],
  },
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testTimeout: 60_000,
  // end-to-end files each start five servers; two workers match the two cores CI has
  maxWorkers: 2,
};
