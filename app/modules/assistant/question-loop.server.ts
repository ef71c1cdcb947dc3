import type { Locale } from "~/i18n/config";
import { getCorpus, type Corpus } from "~/modules/content/corpus.server";
import { mergeGlossary, servedGlossary, type Mapping } from "~/modules/content/glossary.server";
import { createSegmenter, withSegmenter } from "~/modules/search/index.server";
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

/**
 * What the assistant would answer with a glossary mapping in use: the served corpus's indexes built beside (in
 * memory) with a segmenter of the glossary plus the mapping, and the question asked of them under that segmenter. The
 * served indexes and the requests they answer meanwhile are untouched.
 */
export function answerWithMapping(question: string, locale: Locale, mapping: Mapping, corpus: Corpus = getCorpus()): Promise<AnswerNow | null> {
  return oneAtATime(async () => {
    const segmenter = createSegmenter(mergeGlossary(servedGlossary(corpus), [mapping]));
    return withSegmenter(segmenter, async () => {
      // glossary undefined: built with the scope's segmenter (buildAssistantIndex → segmenterOf).
      const index = await buildAssistantIndex({ ...corpus, glossary: undefined }, { hash: "with-change" });
      const outcome = await runHitTest({ question, locale }, { index });
      return outcome.ok ? summary(outcome.report) : null;
    });
  });
}
