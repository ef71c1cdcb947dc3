export { getConnection, getDb, openDatabase, databaseKind, type Connection, type DatabaseKind } from "./connection.server";
export { migrateToLatest } from "./migrate.server";
export { withStartupLock, type LockOptions } from "./startup-lock.server";
export type { Database } from "./schema";
export { dataVersion } from "./data-version.server";
export { queryLog, type QueryLog } from "./query-log.server";
