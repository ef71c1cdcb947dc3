import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~/modules/db/schema";
import { defaultKnowledgeDir, loadGlossary } from "./corpus.server";
import type { GlossaryTerm } from "./schema";

/**
 * The glossary a database corpus is searched with: knowledge/glossary.yaml (the seed, checked by knowledge:check) with
 * the staff console's approved mappings laid over it (content_glossary_entries, migration 0017; glossary.server.ts).
 * A mapping adds its word to the entry of its corpus term, or starts an entry for a term the file has none for; a word
 * the file already has (exported back to it: `npm run knowledge:export`) is not added twice.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface Mapping {
  variant: string;
  canonical: string;
}

/** The key two spellings of one word share (as loadGlossary compares them). */
export const glossaryKey = (word: string) => word.trim().toLowerCase();

/** The terms with the mappings laid over them (new arrays: `terms` is not changed). */
export function mergeGlossary(terms: GlossaryTerm[], mappings: Mapping[]): GlossaryTerm[] {
  const merged = terms.map((t) => ({ canonical: t.canonical, variants: [...t.variants] }));
  const taken = new Set(merged.flatMap((t) => [t.canonical, ...t.variants].map(glossaryKey)));
  for (const { variant, canonical } of mappings) {
    if (taken.has(glossaryKey(variant))) continue;
    taken.add(glossaryKey(variant));
    const entry = merged.find((t) => glossaryKey(t.canonical) === glossaryKey(canonical));
    if (entry) entry.variants.push(variant);
    else {
      merged.push({ canonical, variants: [variant] });
      taken.add(glossaryKey(canonical));
    }
  }
  return merged;
}

/** The approved mappings, oldest first (the order they are laid over the file in). */
export async function approvedMappings(db: Db): Promise<Mapping[]> {
  const rows = await db
    .selectFrom("content_glossary_entries")
    .select(["variant", "canonical"])
    .where("status", "=", "approved")
    .orderBy("approved_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ variant: r.variant, canonical: r.canonical }));
}

/** A digest of mappings ("" for none: the corpus then has the files' index hash). */
export function mappingsDigest(mappings: Mapping[]): string {
  return mappings.length ? createHash("sha256").update(JSON.stringify(mappings.map((m) => [m.variant, m.canonical]))).digest("hex") : "";
}

/** The glossary of the database's corpus (Corpus.glossary). */
export async function corpusGlossary(db: Db, dir: string = defaultKnowledgeDir()): Promise<{ terms: GlossaryTerm[]; digest: string }> {
  const mappings = await approvedMappings(db);
  return { terms: mergeGlossary(loadGlossary(dir).terms, mappings), digest: mappingsDigest(mappings) };
}

/**
 * `npm run knowledge:export`: the approved mappings written into knowledge/glossary.yaml itself (the seed and the
 * review format), through the `yaml` Document API so its comments and inline lists stay as written: a word goes at
 * the end of its term's `variants`, a new term at the end of the file. Words the file has already are skipped, so an
 * export run twice changes nothing. Removing a mapping from the file is a change to review in git like any other.
 */
export async function exportGlossary(db: Db, dir: string = defaultKnowledgeDir()): Promise<{ added: Mapping[] }> {
  const file = path.join(dir, "glossary.yaml");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "terms: []\n";
  const doc = parseDocument(text);
  const terms = doc.get("terms");
  if (!isSeq(terms)) throw new Error(`${file}: no \`terms:\` list`);
  const taken = new Set(loadGlossary(dir).terms.flatMap((t) => [t.canonical, ...t.variants].map(glossaryKey)));
  const added: Mapping[] = [];
  for (const mapping of await approvedMappings(db)) {
    if (taken.has(glossaryKey(mapping.variant))) continue;
    taken.add(glossaryKey(mapping.variant));
    const entry = terms.items.find((item): item is YAMLMap => isMap(item) && glossaryKey(String(item.get("canonical"))) === glossaryKey(mapping.canonical));
    const variants = entry?.get("variants");
    if (entry && isSeq(variants)) variants.add(doc.createNode(mapping.variant));
    else if (entry) entry.set("variants", flowList(doc, [mapping.variant]));
    else {
      const node = doc.createNode({ canonical: mapping.canonical }) as YAMLMap;
      node.set("variants", flowList(doc, [mapping.variant]));
      terms.add(node);
      taken.add(glossaryKey(mapping.canonical));
    }
    added.push(mapping);
  }
  if (added.length) fs.writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return { added };
}

function flowList(doc: ReturnType<typeof parseDocument>, words: string[]) {
  const node = doc.createNode(words);
  if (isSeq(node)) node.flow = true;
  return node;
}
