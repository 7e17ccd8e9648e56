/** Stops the embedded PostgreSQL the global setup started (the data stays for the next run). */
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __NJSP_PG__?: { stop(): Promise<void> } }).__NJSP_PG__;
  await server?.stop();
}
