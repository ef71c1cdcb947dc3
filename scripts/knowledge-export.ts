// `npm run knowledge:export [dir]`: writes the database's published documents (DATABASE_URL) back to the Markdown
// files they were imported from (default ./knowledge): unchanged fields byte for byte, so `git diff` shows what
// editors changed in the staff console. Document files no published document has are removed. The glossary mappings
// approved in the console are added to knowledge/glossary.yaml (glossary-terms.server.ts); the phrasebook is not
// touched (app/modules/content/documents.server.ts).
import path from "node:path";
import { exportKnowledge } from "../app/modules/content/documents.server";
import { exportGlossary } from "../app/modules/content/glossary-terms.server";
import { getConnection } from "../app/modules/db/index.server";

const dir = path.resolve(process.argv[2] ?? "knowledge");
const conn = getConnection();
try {
  const report = await exportKnowledge(conn.db, dir);
  for (const rel of report.written) console.log(`  written  ${rel}`);
  for (const rel of report.removed) console.log(`  removed  ${rel}`);
  const glossary = await exportGlossary(conn.db, dir);
  for (const m of glossary.added) console.log(`  glossary.yaml  + ${m.variant} → ${m.canonical}`);
  console.log(
    `knowledge (${conn.kind}) → ${path.relative(process.cwd(), dir) || "."}: ${report.written.length} written, ${report.removed.length} removed, ${report.unchanged.length} unchanged`,
  );
} catch (error) {
  console.error(`✗ ${(error as Error).message} (has the database been set up? npm start or npm run db:setup)`);
  process.exitCode = 1;
} finally {
  await conn.db.destroy();
}
