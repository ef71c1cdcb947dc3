import fs from "node:fs";
import { z } from "zod";
import type { Locale } from "~/i18n/config";

/**
 * The evaluation's case files (tests/fixtures/chat-eval/*.jsonl): docs/contracts.md's question-set format plus a
 * category and, for follow-ups, the earlier questions of the conversation.
 */

/** What kind of question a case is (the issue's categories); figures are reported per category. */
export const caseCategories = [
  "formal", // worded like the corpus
  "colloquial", // everyday words for the corpus's terms
  "narrative", // a long story around the question
  "typo", // pinyin-input homophones, missing characters
  "traditional", // traditional or mixed characters
  "english",
  "eligibility", // several conditions stated in the question
  "followup", // asked after `history` in one conversation
  "offtopic", // not the portal's business (often sharing a word with the corpus)
  "injection",
  "personal", // personal numbers in the question
  "lacking", // a fact the corpus does not state: refused or sent to a person
] as const;
export type CaseCategory = (typeof caseCategories)[number];

/**
 * One case a line (tests/fixtures/chat-eval/*.jsonl): docs/contracts.md's `{ id, q, locale?, expect, must?, must_not? }`
 * plus `category` and `history` (earlier questions of the same conversation, asked first, oldest first).
 */
export const evalCaseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/), // raw: the evaluation's own case files, never a person's input
    category: z.enum(caseCategories),
    q: z.string().trim().min(1), // raw: the evaluation's own case files, never a person's input
    locale: z.enum(["zh-CN", "en"]).optional(),
    history: z.array(z.string().trim().min(1)).min(1).optional(), // raw: the evaluation's own case files, never a person's input
    expect: z.enum(["answer", "refuse", "any"]),
    must: z.array(z.array(z.string().min(1)).min(1)).optional(), // raw: the evaluation's own case files, never a person's input
    must_not: z.array(z.string().min(1)).optional(), // raw: the evaluation's own case files, never a person's input
  })
  .strict();

export type EvalCase = z.infer<typeof evalCaseSchema> & { locale?: Locale };

/** Reads a case file; throws naming the file and line when a line is not a valid case or an id repeats. */
export function loadCases(file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const ids = new Set<string>();
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not JSON (${(error as Error).message})`);
      }
      const parsed = evalCaseSchema.safeParse(data);
      if (!parsed.success) {
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "case"}: ${x.message}`).join("; ")}`);
      }
      if (ids.has(parsed.data.id)) throw new Error(`${file}:${i + 1}: id "${parsed.data.id}" repeats`);
      ids.add(parsed.data.id);
      cases.push(parsed.data);
    });
  return cases;
}
