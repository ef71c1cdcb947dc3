import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from "kysely";

/**
 * Kysely's SQLite dialect, with one difference: when SQLite has already rolled a transaction back by itself
 * (it does on SQLITE_FULL, SQLITE_IOERR and SQLITE_NOMEM), the transaction's error is the one that reaches the
 * caller. Kysely's own ROLLBACK then fails with "cannot rollback - no transaction is active", and that error used
 * to replace the real one, so a full disk was logged as "cannot rollback" (issue 12, item 8).
 */
class SqliteDriverKeepingTheCause extends SqliteDriver {
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (/no transaction is active/i.test(String((error as Error | null)?.message))) return;
      throw error;
    }
  }
}

export class PortalSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SqliteDriverKeepingTheCause(this.#config);
  }
}
