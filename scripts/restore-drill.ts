// The restore drill (docs/operations.md): npx tsx scripts/restore-drill.ts [--into <empty DATABASE_URL>] [--keep]
// [--backup <file>]. Backs up the database named by DATABASE_URL (only reading it), restores the backup into a
// scratch database (a temp SQLite file, or a new PostgreSQL database beside the live one, removed afterwards unless
// --keep), and checks the copy: the same migrations, the same rows in every table, the newest booking readable by
// its reference and phone. Prints a short report; exits 1 when a check fails.
import { getConnection } from "~/modules/db/index.server";
import { formatDrillReport, runRestoreDrill } from "~/modules/operations/restore-drill.server";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const unknown = args.filter((a, i) => a.startsWith("--") && !["--into", "--keep", "--backup"].includes(a) && args[i - 1] !== "--into" && args[i - 1] !== "--backup");
if (unknown.length || (args.includes("--into") && !option("--into")) || (args.includes("--backup") && !option("--backup"))) {
  console.error("usage: npx tsx scripts/restore-drill.ts [--into <empty DATABASE_URL>] [--keep] [--backup <file>]");
  process.exit(2);
}

const live = getConnection();
const keep = args.includes("--keep");
try {
  const report = await runRestoreDrill(live, { scratchUrl: option("--into"), keepScratch: keep, backupFile: option("--backup") });
  console.log(formatDrillReport(report, keep || Boolean(option("--into"))));
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await live.db.destroy();
}
