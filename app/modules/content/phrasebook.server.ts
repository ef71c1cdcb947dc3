import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { defaultKnowledgeDir, type CorpusError } from "./corpus.server";

/**
 * knowledge/phrasebook.yaml: how the assistant reads a resident's question before it searches, kept as data
 * editors can grow (the glossary maps words to the corpus's terms; this file says which words carry no topic
 * and which topics are not the assistant's business). Validated by knowledge:check.
 */

const phrase = z.string().trim().min(1, "must not be empty");

export const phrasebookSchema = z
  .object({
    /**
     * Words and phrases that tell the story or frame the question but name no topic (我妈, 好几年, 听说,
     * 不知道, 点样): left out of the search and never judged by the grounding gate.
     */
    narrative: z.array(phrase).default([]),
    /** Words that mark the clause that asks (吗, 怎么, 哪, what …); the other clauses tell the story. */
    questionWords: z.array(phrase).default([]),
    /**
     * Phrases with a question word inside that ask nothing (好几天, 十几年, 几乎, 什么都): a clause that has only
     * these tells the story.
     */
    notQuestions: z.array(phrase).default([]),
    /**
     * Words that ask when they end a clause ("网上能弄不", "批了没", "行不"): the everyday A-not-A question with its
     * second half left out.
     */
    questionEndings: z.array(phrase).default([]),
    /**
     * Words that start a clause saying what the person wants (想, 希望, 打算 …): such a clause just before the one
     * that asks is part of the question ("想找个按摩的工作，残联能介绍吗" asks about the job, not the story).
     */
    wishes: z.array(phrase).default([]),
    /**
     * Words that open a rhetorical question (总不能, 不至于 …): "总不能专门坐车回英德吧？" expects "no" and tells the
     * story; the question is the one after it ("在长沙能不能补办？").
     */
    rhetorical: z.array(phrase).default([]),
    /**
     * Single characters that say what a question asks to be done (修, 捐, 坏): key terms though the index keeps
     * no single character, so "轮椅坏了哪里可以修" is not answered by a passage about lending wheelchairs.
     */
    actions: z.array(z.string().regex(/^\p{Script=Han}$/u, "one Chinese character")).default([]),
    /**
     * Verbs that say nothing of what is asked (拿, 带, 想): a place gone to after them (去银行) is still what is asked;
     * after another verb ("借给我哥去景区用") it says what for, a circumstance.
     */
    lightVerbs: z.array(phrase).default([]),
    /** Topics the assistant does not cover, each with the words that name it (matched as substrings). */
    offTopic: z.record(z.array(phrase).min(1)).default({}),
    /** Words that make a question the assistant's business, whatever else it mentions (substrings). */
    domain: z.array(phrase).default([]),
    /**
     * Cantonese words and forms → Mandarin (点样 → 怎样, 睇唔到 → 看不到 through 睇 → 看 and 唔 → 不): every text the
     * index compares is rewritten with them (search/normalize.server.ts), longest first.
     */
    cantonese: z.record(z.string().regex(/^\p{Script=Han}+$/u, "Chinese characters only"), z.string().regex(/^\p{Script=Han}*$/u, "Chinese characters only")).default({}),
  })
  .strict();

export type Phrasebook = z.infer<typeof phrasebookSchema>;

export interface PhrasebookLoad {
  phrasebook: Phrasebook;
  errors: CorpusError[];
}

const empty: Phrasebook = { narrative: [], questionWords: [], notQuestions: [], questionEndings: [], wishes: [], rhetorical: [], actions: [], lightVerbs: [], offTopic: {}, domain: [], cantonese: {} };

/**
 * knowledge/phrasebook.yaml, validated (schema; a phrase listed twice, or in two of narrative, the off-topic
 * topics and domain, is an error).
 */
export function loadPhrasebook(dir: string = defaultKnowledgeDir()): PhrasebookLoad {
  const file = path.join(dir, "phrasebook.yaml");
  const rel = "phrasebook.yaml";
  if (!fs.existsSync(file)) return { phrasebook: empty, errors: [] };
  const issue = (message: string): CorpusError => ({ path: rel, rule: "phrasebook", message });
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return { phrasebook: empty, errors: [issue(`not valid YAML: ${(error as Error).message.split("\n")[0]}`)] };
  }
  const parsed = phrasebookSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return { phrasebook: empty, errors: parsed.error.issues.map((i) => issue(`${i.path.join(".") || "(file)"}: ${i.message}`)) };
  }
  const errors: CorpusError[] = [];
  const seen = new Map<string, string>();
  const note = (word: string, where: string) => {
    const key = word.trim().toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) errors.push(issue(`"${word}" is listed in ${other} and in ${where}`));
    else seen.set(key, where);
  };
  for (const word of parsed.data.narrative) note(word, "narrative");
  for (const [topic, words] of Object.entries(parsed.data.offTopic)) for (const word of words) note(word, `offTopic.${topic}`);
  for (const word of parsed.data.domain) note(word, "domain");
  // Question markers may also be narrative (点样 asks, and names no topic): only repeats within the list count.
  const markers = new Set<string>();
  for (const word of parsed.data.questionWords) {
    if (markers.has(word.toLowerCase())) errors.push(issue(`"${word}" is listed twice in questionWords`));
    markers.add(word.toLowerCase());
  }
  const wishes = new Set<string>();
  for (const word of parsed.data.wishes) {
    if (wishes.has(word.toLowerCase())) errors.push(issue(`"${word}" is listed twice in wishes`));
    wishes.add(word.toLowerCase());
  }
  const actions = new Set<string>();
  for (const word of parsed.data.actions) {
    if (actions.has(word)) errors.push(issue(`"${word}" is listed twice in actions`));
    actions.add(word);
  }
  return { phrasebook: parsed.data, errors };
}
