// npm run db:restore -- <file>: replaces the contents of the database named by DATABASE_URL with a backup.
// Stop the portal first. All or nothing: on any error the database is left as it was.
import fs from "node:fs";
import { getConnection } from "~/modules/db/index.server";
import { BackupError, restoreBackup } from "~/modules/db/backup.server";
import { maskForLog } from "~/modules/privacy/log.server";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error("usage: npm run db:restore -- <backup.json>");
  process.exit(2);
}
const { db, kind } = getConnection();
try {
  const counts = await restoreBackup(db, JSON.parse(fs.readFileSync(file, "utf8")));
  const rows = Object.values(counts).reduce((n, c) => n + c, 0);
  console.log(`restored ${rows} rows into ${kind} from ${file}`);
} catch (error) {
  if (error instanceof BackupError || error instanceof SyntaxError) {
    // A JSON syntax error quotes the backup around the mistake: personal data, so masked.
    console.error(`not restored: ${maskForLog(error.message)}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.destroy();
}
