import { startSystem, type TestSystem } from "./support/system";

let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

it("starts", async () => {
  expect(await system.sql("job-centers", "SELECT 1 AS x")).toEqual([{ x: 1 }]);
});
