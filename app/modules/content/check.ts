import fs from "node:fs";
import path from "node:path";
import { loadCorpus, loadGlossary, type PolicyDocument } from "./corpus.server";
import { loadPhrasebook } from "./phrasebook.server";
import { repealUnexplained, repealUnexplainedMessage, type SectionQuestions } from "./schema";
import { bodyIssues } from "./body-rules";

/**
 * `npm run knowledge:check`: everything that must hold for the corpus to publish — schema, ids, folders,
 * links, related ids, heading structure and the glossary. Errors fail the check; warnings are advice.
 */

export type CheckRule =
  | "read"
  | "front-matter"
  | "schema"
  | "id-filename"
  | "folder-type"
  | "duplicate-id"
  | "location"
  | "glossary"
  | "phrasebook"
  | "questions"
  | "questions-missing"
  | "question-copy"
  | "question-duplicate"
  | "broken-link"
  | "broken-anchor"
  | "unknown-page"
  | "bad-link"
  | "insecure-link"
  | "related-missing"
  | "superseded-missing"
  | "repealed-unexplained"
  | "repealed-article"
  | "h1-in-body"
  | "heading-jump"
  | "heading-syntax"
  | "article-order"
  | "no-sections";

export interface CheckIssue {
  /** Path relative to the knowledge directory. */
  path: string;
  id?: string;
  rule: CheckRule;
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export interface CheckReport {
  dir: string;
  documents: number;
  sections: number;
  glossaryTerms: number;
  errors: CheckIssue[];
  warnings: CheckIssue[];
  ok: boolean;
}

/** Lines before the body (the front matter), so issues can name the line in the file. */
function bodyLineOffset(dir: string, doc: PolicyDocument): number {
  try {
    const source = fs.readFileSync(path.join(dir, doc.path), "utf8").replace(/\r\n/g, "\n");
    const at = source.lastIndexOf(doc.body.replace(/\r\n/g, "\n"));
    return at < 0 ? 0 : source.slice(0, at).split("\n").length - 1;
  } catch {
    return 0;
  }
}

/** Questions people ask: at least this many per `##` section of a guide, in each language. */
export const guideQuestionsPerSection = 3;

/** Letters and digits only, lower case: how two questions (or a question and a heading) are compared. */
function questionKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * "Questions people ask" (front matter `questions:`): not a copy of the section's heading, no question twice in
 * a document, and for guides at least three per `##` section in each language (a `###` subsection's questions
 * count for its `##` section).
 */
function checkQuestions(doc: PolicyDocument): CheckIssue[] {
  const base = { path: doc.path, id: doc.id };
  const errors: CheckIssue[] = [];
  const seen = new Map<string, string>();
  const owners: Array<{ where: string; heading: string[]; questions: SectionQuestions }> = [
    { where: "_doc", heading: [doc.title, doc.titleEn], questions: doc.questions },
    ...doc.sections.map((s) => ({ where: s.anchor, heading: [s.heading, s.title], questions: s.questions })),
  ];
  for (const owner of owners) {
    const headings = new Set(owner.heading.map(questionKey).filter(Boolean));
    for (const lang of ["zh", "en"] as const) {
      for (const question of owner.questions[lang]) {
        const key = questionKey(question);
        if (headings.has(key)) {
          errors.push({ ...base, rule: "question-copy", message: `questions.${owner.where}.${lang}: "${question}" repeats the heading; write it the way a resident would ask` });
        }
        const first = seen.get(key);
        if (first) {
          errors.push({ ...base, rule: "question-duplicate", message: `questions.${owner.where}.${lang}: "${question}" is already listed under ${first}` });
        } else {
          seen.set(key, owner.where);
        }
      }
    }
  }
  if (doc.type === "guide") {
    doc.sections.forEach((section, i) => {
      if (section.level !== 1) return;
      const counts = { zh: section.questions.zh.length, en: section.questions.en.length };
      for (let j = i + 1; j < doc.sections.length && doc.sections[j].level > 1; j++) {
        counts.zh += doc.sections[j].questions.zh.length;
        counts.en += doc.sections[j].questions.en.length;
      }
      for (const lang of ["zh", "en"] as const) {
        if (counts[lang] < guideQuestionsPerSection) {
          errors.push({
            ...base,
            rule: "questions-missing",
            message: `"${section.heading}" (#${section.anchor}) has ${counts[lang]} ${lang} question(s) people ask; a guide section needs at least ${guideQuestionsPerSection}`,
          });
        }
      }
    });
  }
  return errors;
}

export function checkKnowledge(dir: string): CheckReport {
  const corpus = loadCorpus(dir);
  const glossary = loadGlossary(dir);
  const errors: CheckIssue[] = [...corpus.errors, ...glossary.errors, ...loadPhrasebook(dir).errors];
  const warnings: CheckIssue[] = [];
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));

  for (const doc of corpus.documents) {
    const base = { path: doc.path, id: doc.id };
    const offset = bodyLineOffset(dir, doc);

    for (const id of doc.related ?? []) {
      if (!docs.has(id)) errors.push({ ...base, rule: "related-missing", message: `related: no document with id "${id}"` });
    }

    // A repealed document names what replaced it (an existing document) or says why (its change note).
    if (doc.supersededBy !== undefined && !docs.has(doc.supersededBy)) {
      errors.push({ ...base, rule: "superseded-missing", message: `supersededBy: no document with id "${doc.supersededBy}"` });
    }
    if (repealUnexplained(doc)) errors.push({ ...base, rule: "repealed-unexplained", message: repealUnexplainedMessage });
    // A repealed article's replacement: an existing document, and the article named in it (id#anchor).
    for (const article of doc.repealedArticles ?? []) {
      if (!article.supersededBy) continue;
      const [targetId, anchor] = article.supersededBy.split("#", 2);
      const target = docs.get(targetId);
      if (!target) {
        errors.push({ ...base, rule: "superseded-missing", message: `repealedArticles #${article.anchor}: supersededBy: no document with id "${targetId}"` });
      } else if (anchor && !target.sections.some((s) => s.anchor === anchor)) {
        errors.push({ ...base, rule: "superseded-missing", message: `repealedArticles #${article.anchor}: supersededBy: "${targetId}" has no section #${anchor}` });
      }
    }

    errors.push(...checkQuestions(doc));

    // The body's rules (shared with the console's save): sections, headings, links.
    for (const issue of bodyIssues(doc.body, doc.format, doc.sections, (id) => docs.get(id))) {
      const line = issue.line === undefined ? undefined : offset + issue.line;
      const found: CheckIssue = { ...base, ...(line ? { line } : {}), rule: issue.rule, message: issue.message };
      (issue.warning ? warnings : errors).push(found);
    }
  }

  const byPath = (a: CheckIssue, b: CheckIssue) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0);
  return {
    dir,
    documents: corpus.documents.length,
    sections: corpus.documents.reduce((n, d) => n + d.sections.length, 0),
    glossaryTerms: glossary.terms.length,
    errors: errors.sort(byPath),
    warnings: warnings.sort(byPath),
    ok: errors.length === 0,
  };
}

function formatIssue(mark: string, issue: CheckIssue): string {
  const where = `${issue.path}${issue.line ? `:${issue.line}` : ""}`;
  return `${mark} ${where}  [${issue.rule}]  ${issue.message}`;
}

/** A readable report: a summary line, then one line per problem. */
export function formatCheckReport(report: CheckReport, cwd: string = process.cwd()): string {
  const where = path.relative(cwd, report.dir) || ".";
  const lines = [
    `knowledge check (${where}): ${report.documents} documents, ${report.sections} sections, ${report.glossaryTerms} glossary terms`,
    ...report.errors.map((i) => formatIssue("✗", i)),
    ...report.warnings.map((i) => formatIssue("!", i)),
    report.ok
      ? `✓ no errors${report.warnings.length ? ` (${report.warnings.length} warning${report.warnings.length > 1 ? "s" : ""})` : ""}`
      : `✗ ${report.errors.length} error${report.errors.length > 1 ? "s" : ""}${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ""}`,
  ];
  return lines.join("\n");
}
