import { Client } from "pg";
import { databaseUrls, type DatabaseUrls } from "@lib/platform/prepare-databases";
import { databaseName } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * The write phase's own databases: a copy of each seeded database (`CREATE DATABASE … TEMPLATE …`, a file copy,
 * seconds even for large data), named with `<prefix>_writes`, so that the writes never touch what the read workloads
 * measure. A copy left by an interrupted run is dropped first; {@link dropScratchCopy} drops them at the end. The
 * source databases must have no connections: the read system is stopped before.
 */
export async function makeScratchCopy(
  adminUrl: string,
  sourcePrefix: string,
): Promise<{ prefix: string; urls: DatabaseUrls<SubgraphName> }> {
  const prefix = `${sourcePrefix}_writes`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const subgraph of SUBGRAPH_LIST) {
      const source = databaseName(subgraph, sourcePrefix);
      const copy = databaseName(subgraph, prefix);
      if (!SAFE_NAME.test(source) || !SAFE_NAME.test(copy)) throw new Error(`refusing unsafe database name ${copy}`);
      await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${source} STRATEGY FILE_COPY`);
    }
  } finally {
    await admin.end();
  }
  return { prefix, urls: databaseUrls(SUBGRAPH_LIST, adminUrl, prefix) };
}

/** Drops the scratch copy (its connections closed by force: its system is stopped by then). */
export async function dropScratchCopy(adminUrl: string, prefix: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const subgraph of SUBGRAPH_LIST) {
      const copy = databaseName(subgraph, prefix);
      if (SAFE_NAME.test(copy)) await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
