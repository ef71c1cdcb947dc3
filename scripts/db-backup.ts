// npm run db:backup -- [file]: a JSON backup of the database named by DATABASE_URL (SQLite or PostgreSQL).
import fs from "node:fs";
import path from "node:path";
import { getConnection } from "~/modules/db/index.server";
import { createBackup } from "~/modules/db/backup.server";
import { certificateKeys } from "~/modules/security/secrets.server";

const file = process.argv[2] || path.join("data", "backups", `portal-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
const { db, kind } = getConnection();
const backup = await createBackup(db);
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
// Personal data: readable by the portal's user alone, whatever the umask.
fs.writeFileSync(file, JSON.stringify(backup), { mode: 0o600 });
const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
console.log(`backup of ${kind} written to ${file}: ${Object.keys(backup.tables).length} tables, ${rows} rows`);
console.log("It contains personal data: keep it as protected as the database itself.");
console.log(`It does not contain the secrets: keep the certificate key (${certificateKeys().source}) with it, or a restore elsewhere cannot match its certificate hashes.`);
await db.destroy();
