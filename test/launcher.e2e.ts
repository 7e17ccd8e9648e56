import { existsSync } from "node:fs";
import { LAUNCHER, launcherOnTestDatabases, spawnLauncher } from "./support/launcher-process";

/**
 * `npm start`'s launcher, as a user runs it (compiled, separate processes), against the already seeded test
 * databases: ready, answering through the gateway, and stopping every process on SIGINT.
 */
it("starts four subgraphs and the gateway as processes and stops them all on Ctrl-C", async () => {
  expect(existsSync(LAUNCHER)).toBe(true); // `npm test` builds first
  const { env, base, subgraphPorts } = await launcherOnTestDatabases();
  const launcher = spawnLauncher(env);
  await launcher.waitFor("GraphiQL: ", 45_000);
  expect(launcher.output()).toContain(`GraphiQL: http://127.0.0.1:${base}/graphql`);

  const response = await fetch(`http://127.0.0.1:${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: '{ region(code: "28") { name localJobCenters { name } saeilCenters { name } welfarePartners { name } } }',
    }),
  });
  const body = await response.json();
  expect(body.data.region.name).toBe("인천광역시");
  expect(body.data.region.localJobCenters.length).toBeGreaterThan(0);

  launcher.child.kill("SIGINT");
  expect(await launcher.exited).toBe(0);
  expect(launcher.output()).toContain("stopped");
  // every port is free again: nothing was left running
  for (const port of [base, ...subgraphPorts]) {
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }
}, 90_000);
