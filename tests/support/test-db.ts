import { migrateToLatest, openDatabase, type Connection } from "~/modules/db/index.server";

/** A fresh, migrated in-memory SQLite database for one test file. */
export async function createTestDb(): Promise<Connection> {
  const connection = openDatabase("file::memory:");
  await migrateToLatest(connection.db);
  return connection;
}
