import { testDatabaseUrl } from "./test-db";

/**
 * For integration tests that call route modules: points DATABASE_URL at a fresh database of this run's kind
 * (SQLite file, or PostgreSQL in the postgres project) before any app module opens it, then migrates and seeds it.
 * Call at the top level of the test file, before importing routes.
 */
export async function useSeededDatabase(env: Record<string, string> = {}) {
  process.env.DATABASE_URL = await testDatabaseUrl();
  process.env.RATE_LIMIT_PER_MINUTE = "0";
  Object.assign(process.env, env);
  const db = await import("~/modules/db/index.server");
  const { seedDatabase } = await import("~/modules/operations/seed.server");
  await db.migrateToLatest(db.getDb());
  await seedDatabase(db.getDb());
  return db;
}
