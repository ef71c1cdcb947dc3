// npm run db:restore -- <file>: fills the database named by DATABASE_URL, which must be new and empty, with a
// backup. All or nothing: on any error the database is left as it was. A database that already holds data is
// refused (the ledger and the audit log are append-only): restore into a new SQLite file or PostgreSQL database,
// then point the portal at it.
import fs from "node:fs";
import { getConnection, withStartupLock } from "~/modules/db/index.server";
import { BackupError, restoreBackup } from "~/modules/db/backup.server";
import { maskForLog } from "~/modules/privacy/log.server";
import { certificateHashReport, certificateKeyWarnings } from "~/modules/lending/certificate.server";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error("usage: npm run db:restore -- <backup.json>");
  process.exit(2);
}
const conn = getConnection();
const { db, kind } = conn;
try {
  const backup = JSON.parse(fs.readFileSync(file, "utf8"));
  const counts = await withStartupLock(conn, () => restoreBackup(db, backup));
  const rows = Object.values(counts).reduce((n, c) => n + c, 0);
  console.log(`restored ${rows} rows into ${kind} from ${file}`);
  for (const warning of certificateKeyWarnings(await certificateHashReport(db))) console.warn(`⚠️  ${warning}`);
} catch (error) {
  if (error instanceof BackupError || error instanceof SyntaxError) {
    // A JSON syntax error quotes the backup around the mistake: personal data, so masked.
    console.error(`not restored: ${maskForLog(error.message)}`);
    if (/not empty/.test(error.message)) {
      console.error(
        kind === "sqlite"
          ? "Set DATABASE_URL to a new file (file:./data/restored.sqlite), restore, then start the portal with that DATABASE_URL."
          : "Create a new database (createdb portal_restored), restore into it, then point DATABASE_URL at it.",
      );
    }
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.destroy();
}
