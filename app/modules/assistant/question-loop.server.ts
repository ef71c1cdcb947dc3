import type { Locale } from "~/i18n/config";
import type { Kysely } from "kysely";
import { getCorpus, type Corpus } from "~/modules/content/corpus.server";
import { getWorkingCopy, loadDatabaseCorpus } from "~/modules/content/documents.server";
import type { Database } from "~/modules/db/schema";
import { mergeGlossary, servedGlossary, type Mapping } from "~/modules/content/glossary.server";
import { createSegmenter, segmenterOf, withSegmenter, type Segmenter } from "~/modules/search/index.server";
import { runHitTest, type HitTestReport } from "./hit-test.server";
import { buildAssistantIndex } from "./vector-index.server";

/**
 * "Does the assistant answer it now?" (issue 16, item 5): for an unanswered question, what the assistant answers today
 * — answered or why not, and its first citation — by the retrieval test's machinery (nothing stored or counted), and
 * what it would answer with a pending glossary mapping applied: the corpus's indexes built beside, in memory, with the
 * mapping in the glossary (≈2 s of CPU, so only on an explicit "test with this change", one at a time per process).
 */

export interface AnswerNow {
  answered: boolean;
  status: HitTestReport["status"];
  citation: { title: string; url: string } | null;
  /** Words of the question the best passages do not say (what a glossary mapping could map). */
  missing: string[];
}

function summary(report: HitTestReport): AnswerNow {
  const first = report.citations[0];
  return {
    answered: report.answered,
    status: report.status,
    citation: first ? { title: first.title, url: first.url } : null,
    missing: report.grounding?.missing ?? [],
  };
}

/** What the assistant answers to this question now; null for a question the guards refuse as empty or too long. */
export async function answerNow(question: string, locale: Locale): Promise<AnswerNow | null> {
  const outcome = await runHitTest({ question, locale });
  return outcome.ok ? summary(outcome.report) : null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs builds one after another (each holds a core for about two seconds). */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** A section the question could be added to as a "question people ask" (one of the retrieval's best). */
export interface AnswerSection {
  docId: string;
  /** null: the document as a whole (its overview). */
  anchor: string | null;
  title: string;
  url: string;
}

/** How many of the retrieval's best sections are offered. */
export const answerSectionLimit = 5;

/**
 * What the assistant answers now, and the sections of published documents its retrieval found best (at most
 * answerSectionLimit, each once): where an editor may add the question as one people ask. A question retrieval finds
 * nothing for (残废证怎么办理: no word the corpus uses) is looked up with the editor's own words instead (`lookUp`,
 * e.g. 残疾人证怎么办理). Null as for answerNow.
 */
export async function answerNowWithSections(
  question: string,
  locale: Locale,
  lookUp?: string,
): Promise<{ now: AnswerNow; sections: AnswerSection[] } | null> {
  const outcome = await runHitTest({ question, locale });
  if (!outcome.ok) return null;
  const found = lookUp?.trim() ? await runHitTest({ question: lookUp, locale }) : outcome;
  const seen = new Set<string>();
  const sections: AnswerSection[] = [];
  for (const s of found.ok ? found.report.sections : []) {
    const key = `${s.docId}#${s.anchor ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sections.push({ docId: s.docId, anchor: s.anchor, title: s.title, url: s.url });
    if (sections.length >= answerSectionLimit) break;
  }
  return { now: summary(outcome.report), sections };
}

/** The question asked of indexes of `corpus` built beside (in memory), under `segmenter`; the served ones untouched. */
function answerBeside(question: string, locale: Locale, corpus: Corpus, segmenter: Segmenter): Promise<AnswerNow | null> {
  return oneAtATime(() =>
    withSegmenter(segmenter, async () => {
      // glossary undefined: built with the scope's segmenter (buildAssistantIndex → segmenterOf).
      const index = await buildAssistantIndex({ ...corpus, glossary: undefined }, { hash: "with-change" });
      const outcome = await runHitTest({ question, locale }, { index });
      return outcome.ok ? summary(outcome.report) : null;
    }),
  );
}

/**
 * What the assistant would answer with a glossary mapping in use: the served corpus's indexes built beside (in
 * memory) with a segmenter of the glossary plus the mapping, and the question asked of them under that segmenter. The
 * served indexes and the requests they answer meanwhile are untouched.
 */
export function answerWithMapping(question: string, locale: Locale, mapping: Mapping, corpus: Corpus = getCorpus()): Promise<AnswerNow | null> {
  return answerBeside(question, locale, corpus, createSegmenter(mergeGlossary(servedGlossary(corpus), [mapping])));
}

/**
 * What the assistant would answer with a draft applied: `corpus` is the published documents with one of them as its
 * draft (documents.server.ts, loadDatabaseCorpus's `draftOf`), searched with its own glossary.
 */
export function answerWithCorpus(question: string, locale: Locale, corpus: Corpus): Promise<AnswerNow | null> {
  return answerBeside(question, locale, corpus, segmenterOf(corpus.glossary));
}

/**
 * What the assistant would answer with a published document's draft (beside its live text) in place of the live
 * text; undefined when the document has no such draft.
 */
export async function answerWithDraft(db: Kysely<Database>, id: string, question: string, locale: Locale): Promise<AnswerNow | null | undefined> {
  const working = await getWorkingCopy(db, id);
  if (!working?.live.published || working.live.draftRevision === null) return undefined;
  return answerWithCorpus(question, locale, await loadDatabaseCorpus(db, undefined, { draftOf: id }));
}
