import { createServer, type AddressInfo, type Server } from "node:net";
import { createDataSource, initializeWithRetries } from "./data-source";

/** A TCP port where nothing listens: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("initializeWithRetries", () => {
  it("tries once per delay and then gives the connection's error", async () => {
    const port = await closedPort();
    const dataSource = createDataSource({ url: `postgres://nobody@127.0.0.1:${port}/none`, entities: [], migrations: [] });
    const warnings: object[] = [];
    const logger = { warn: (fields: object) => void warnings.push(fields) };
    await expect(initializeWithRetries(dataSource, logger, [1, 1])).rejects.toThrow(/ECONNREFUSED/);
    expect(warnings).toEqual([
      { attempt: 1, reason: expect.stringMatching(/ECONNREFUSED/) },
      { attempt: 2, reason: expect.stringMatching(/ECONNREFUSED/) },
    ]);
    expect(dataSource.isInitialized).toBe(false);
  });
});
