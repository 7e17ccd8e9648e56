import { Client } from "pg";

/** The same server as `serverUrl`, pointed at database `database`. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates `database` on the server unless it exists. `adminUrl` is any database on that server the user may
 * connect to (the one named in `DATABASE_URL`). Returns whether it created the database.
 */
export async function ensureDatabase(adminUrl: string, database: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`refusing unsafe database name ${database}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${database}`);
    } catch (error) {
      // 42P04: created meanwhile by another process
      if ((error as { code?: string }).code !== "42P04") throw error;
      return false;
    }
    return true;
  } finally {
    await client.end();
  }
}
