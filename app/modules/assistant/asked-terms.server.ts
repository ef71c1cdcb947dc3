import { expandQuery, glossaryTerms } from "~/modules/search/index.server";
import { aspectPhrases, aspectWords, genericWords } from "./dialog-phrases";
import { abbreviationOf } from "./grounding.server";
import { chunkHasToken, chunkMatches, chunkSays, corpusSays, termIdf } from "./term-stats.server";
import type { KeyTerm } from "./understand.server";
import type { AssistantIndex } from "./vector-index.server";

/**
 * What the clause that asks names, as a re-ranking signal: among the best candidates, a section that says more of
 * it goes first. "我妈上个月走了，她生前一直领着护理补贴" names 去世 and 护理补贴; the national rule's article on who gets
 * the nursing allowance is all about 护理补贴 and BM25 puts it first, while the guide's line "已经去世的……补贴停发"
 * says both. Tuned on the tuning questions (0 → 770/783; 0.1 and 0.15 → 773; 0.3 → 771).
 */
export const askedTermWeight = 0.15;

const aspectWordSet = new Set(Object.values(aspectWords).flatMap((w) => w.split(/\s+/)));

/** Whether a key term says what is asked of the topic ("怎么算", "材料", "去哪里"), not the topic. */
export function namesAspect(term: string): boolean {
  if (Object.values(aspectPhrases).some((phrases) => phrases.some((p) => (typeof p === "string" ? term.includes(p) : p.test(term))))) return true;
  return aspectWordSet.has(term) || expandQuery(term).expansions.some((e) => aspectWordSet.has(e.canonical));
}

/**
 * For a section, the share (by idf) of the asked key terms it says, itself, by its glossary term or by another
 * of the corpus's words for it (低保家庭 for 最低生活保障家庭): 1 for every section when fewer than two such terms
 * are asked ("政府有没有这方面的补助" names too little to rank by). The story's words that the glossary maps count at
 * half weight (上个月走了 → 去世). Aspects and generic words are not counted: what is asked of the topic is found in
 * other words (怎么算 → 按……计算).
 */
export function askedTermShare(index: AssistantIndex, keyTerms: KeyTerm[]): (key: number) => number {
  const subject = (k: KeyTerm) => !k.offTopic && !genericWords.has(k.term) && !namesAspect(k.term);
  const asked = keyTerms.filter((k) => k.asked && k.weight >= 0.6 && subject(k));
  if (asked.length < 2) return () => 1;
  // The story's words the glossary knows count at half weight: "我老公上个月走了，他的残疾证要怎么处理" asks of a death.
  const told = keyTerms.filter((k) => !asked.includes(k) && subject(k) && expandQuery(k.term).expansions.some((e) => e.canonical !== k.term));
  const forms = [...asked, ...told].map((k) => {
    const terms = [k.term, ...expandQuery(k.term).expansions.map((e) => e.canonical)];
    const variants = glossaryTerms()
      .filter((g) => terms.includes(g.canonical))
      .flatMap((g) => g.variants.filter((v) => /\p{Script=Han}/u.test(v)));
    // (Weighed as the rarest of its corpus words: 社保, which the corpus writes 社会保险, as 社会保险.)
    const idf = Math.max(...terms.map((t) => termIdf(index, t))) || 1;
    // (A two-character word the corpus lacks may be its abbreviation, as the gate reads it: 社保 → 社会保险.)
    const abbreviation = terms.length === 1 && !corpusSays(index, k.term) ? abbreviationOf(k.term) : null;
    return { weight: idf * (asked.includes(k) ? 1 : 0.5), words: [...terms, ...variants], abbreviation };
  });
  const total = forms.reduce((sum, f) => sum + f.weight, 0);
  const says = (key: number, f: (typeof forms)[number]) =>
    f.words.some((w) => chunkSays(index, key, w) || chunkHasToken(index, key, w)) || (f.abbreviation !== null && chunkMatches(index, key, f.abbreviation));
  return (key) => forms.filter((f) => says(key, f)).reduce((sum, f) => sum + f.weight, 0) / total;
}
