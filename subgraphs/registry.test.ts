import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { databaseName, subgraphVariable } from "@lib/subgraph/declaration";
import { isSubgraphName, SUBGRAPH_LIST, SUBGRAPH_NAMES, SUBGRAPHS } from "./registry";

describe("the subgraph registry", () => {
  it("lists the four agencies in port order", () => {
    expect(SUBGRAPH_NAMES).toEqual(["job-centers", "local-job-centers", "saeil-centers", "welfare-partners"]);
    expect(SUBGRAPH_LIST.map((s) => s.defaultPort)).toEqual([4001, 4002, 4003, 4004]);
    expect(SUBGRAPHS["saeil-centers"].agency).toBe("women's reemployment centers (새일센터)");
  });

  it("derives database and variable names from each declaration", () => {
    expect(SUBGRAPH_LIST.map((s) => databaseName(s))).toEqual([
      "njsp_job_centers",
      "njsp_local_job_centers",
      "njsp_saeil_centers",
      "njsp_welfare_partners",
    ]);
    expect(databaseName(SUBGRAPHS["welfare-partners"], "njsp_test")).toBe("njsp_test_welfare_partners");
    expect(SUBGRAPH_LIST.map((s) => subgraphVariable(s, "URL"))).toEqual([
      "JOB_CENTERS_URL",
      "LOCAL_JOB_CENTERS_URL",
      "SAEIL_CENTERS_URL",
      "WELFARE_PARTNERS_URL",
    ]);
  });

  it("tells its names from others", () => {
    expect(isSubgraphName("job-centers")).toBe(true);
    expect(isSubgraphName("pensions")).toBe(false);
    expect(isSubgraphName("")).toBe(false);
  });

  it("loads each subgraph's parts on demand: schema, entities, migrations, loaders", async () => {
    for (const subgraph of SUBGRAPH_LIST) {
      const [schema, entities, migrations, createLoaders] = await Promise.all([
        subgraph.schema(),
        subgraph.entities(),
        subgraph.migrations(),
        subgraph.loaders(),
      ]);
      expect(schema.getQueryType()?.getFields()._service).toBeDefined();
      expect(entities.length).toBeGreaterThan(0);
      expect(migrations.length).toBeGreaterThanOrEqual(2);
      expect(typeof createLoaders).toBe("function");
    }
  });

  it("can be read without loading type-graphql or TypeORM (the gateway reads it)", () => {
    // the compiled registry in a fresh node process: what the gateway's process loads
    const script = `require(${JSON.stringify(path.join(PROJECT_ROOT, "dist/subgraphs/registry.js"))});
      const loaded = Object.keys(require.cache).filter((f) => /node_modules\\/(typeorm|type-graphql)\\//.test(f));
      process.stdout.write(JSON.stringify(loaded.length));`;
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })).toBe("0");
  });
});
