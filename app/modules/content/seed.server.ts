import type { Kysely } from "kysely";
import type { Database } from "~/modules/db/schema";
import { importKnowledge } from "./documents.server";
import { defaultKnowledgeDir } from "./corpus.server";

/**
 * The content seed (db/seed.server.ts, every start): knowledge/ imported into the database when it has no documents
 * or the files changed since the last import (documents.server.ts, importKnowledge). What it could not take is said
 * on the console: files that fail the checks, and seed changes to documents edited in the console since.
 */
export async function seedContent(db: Kysely<Database>, dir: string = defaultKnowledgeDir()): Promise<number> {
  const report = await importKnowledge(db, dir);
  if (report.errors.length) console.warn(`knowledge: ${report.errors.length} problem(s) kept documents out of the import; run \`npm run knowledge:check\``);
  if (report.kept.length) {
    console.warn(`knowledge: changed in knowledge/ but edited in the staff console since, so the console's text is kept: ${report.kept.join(", ")}`);
  }
  return report.added.length + report.updated.length + report.withdrawn.length;
}
