import { pinyin } from "pinyin-pro";

/**
 * Homophone typos from pinyin input (残急→残疾, 补帖→补贴, 申情→申请, 户口部→户口簿), repaired against the
 * corpus's own vocabulary. A typo breaks a word into single characters when the text is segmented (户口部 →
 * 户口 / 部), so a candidate is a run of whole segments, 2–4 characters long, with at least one single-character
 * segment, that is neither a corpus word nor a dictionary word, and whose toneless pinyin (pinyin-pro) is that of a
 * corpus word differing from it in one character (two in a four-character run). Guards against repairing real
 * words: anything jieba's dictionary knows is left alone (深情 is not 申请, 股市 is not 故事), a candidate never
 * cuts through a word (残疾证在 has no 证在 → 正在), a changed character is never an everyday function word
 * (是残联 is not 市残联), and the corpus word must occur at least twice or be a glossary term. Runs of three or
 * four characters also match with the sounds that southern speakers merge (zh/z, ch/c, sh/s, n/l, -ng/-n).
 */

export interface TypoRepair {
  /** What was typed ("残急"). */
  from: string;
  /** The corpus word it was read as ("残疾"). */
  to: string;
}

export interface RepairResult {
  text: string;
  repairs: TypoRepair[];
}

export interface RepairLexicon {
  /** The corpus's words with how often they occur (glossary terms with a high count). */
  words: Iterable<[string, number]>;
  /** True for a word jieba's dictionary knows. */
  isDictionaryWord(text: string): boolean;
  /** True for an everyday function word (是, 的, 了, 向 …): never the character a repair changes. */
  isFunctionWord(char: string): boolean;
  /** Dictionary segmentation of a run of Chinese characters (no guessing of unknown words). */
  segment(run: string): string[];
}

interface Candidate {
  word: string;
  count: number;
}

/** A corpus word needs this many occurrences to be a repair target (rarer words are more often accidents). */
export const minTargetCount = 2;

const hanRun = /\p{Script=Han}+/gu;
const hanOnly = /^\p{Script=Han}+$/u;
/** Function words of written Chinese that residents hardly type alone: 有效其 is 有效期. */
const literary = new Set([..."其之而以与及"]);
const numeral = /^[零一二三四五六七八九十百千万两几]$/u;
/** Adverbs that stand before a verb typed as meant (先找, 再问, 也去, 都要). */
const adverbs = new Set([..."先再也就都还才又只很太最更"]);
/** Characters that end a verb with its result (占到, 领到, 用完, 办好): typed as meant, not a typo for 占道. */
const complements = new Set([..."到得完掉好着过"]);

/** A direction after 往/朝/向 ("再往上申诉", "往前走"): said as typed, never 网上 or 想前. */
const towards = new Set([..."往朝向"]);
const directions = new Set([..."上下前后里外左右东南西北"]);

function syllables(word: string): string[] {
  return pinyin(word, { toneType: "none", type: "array", v: true });
}

/** The sounds southern Mandarin and Cantonese speakers often merge when they type pinyin. */
function merged(syllable: string): string {
  return syllable.replace(/^([zcs])h/, "$1").replace(/^n(?=[aeiouv])/, "l").replace(/ng$/, "n");
}

function add(map: Map<string, Candidate[]>, key: string, candidate: Candidate) {
  const list = map.get(key);
  if (list) list.push(candidate);
  else map.set(key, [candidate]);
}

export class TypoRepairer {
  private readonly known = new Set<string>();
  private readonly exact = new Map<string, Candidate[]>();
  private readonly loose = new Map<string, Candidate[]>();

  constructor(private readonly lexicon: RepairLexicon) {
    for (const [word, count] of lexicon.words) {
      this.known.add(word);
      const length = [...word].length;
      if (length < 2 || length > 4 || !hanOnly.test(word) || count < minTargetCount) continue;
      const sounds = syllables(word);
      add(this.exact, sounds.join(" "), { word, count });
      if (length >= 3) add(this.loose, sounds.map(merged).join(" "), { word, count });
    }
  }

  /**
   * The corpus word a run of whole segments was probably meant to be, or null. `kept[i]`: the run's i-th character
   * is part of a function word the text spelled out (什 of 什么): it may stay in a repaired word, never change.
   */
  private targetFor(parts: string[], kept: boolean[] = []): string | null {
    const run = parts.join("");
    const chars = [...run];
    if (this.known.has(run) || this.lexicon.isDictionaryWord(run)) return null;
    const sounds = syllables(run);
    const exact = this.exact.get(sounds.join(" ")) ?? [];
    const loose = chars.length >= 3 ? (this.loose.get(sounds.map(merged).join(" ")) ?? []) : [];
    const isFunction = (c: string) => this.lexicon.isFunctionWord(c) && !literary.has(c);
    let best: { word: string; changes: number; count: number } | null = null;
    for (const { word, count } of [...exact, ...loose]) {
      const target = [...word];
      if (target.length !== chars.length) continue;
      const changed = chars.map((c, i) => (c === target[i] ? -1 : i)).filter((i) => i >= 0);
      if (changed.length === 0 || changed.length > (chars.length === 4 ? 2 : 1)) continue;
      // 开过什么 is not 开过身么: 什么 was typed whole, so 什 is no typo for 身.
      if (changed.some((i) => kept[i])) continue;
      const changesFunction = changed.some((i) => isFunction(chars[i]));
      if (changesFunction) {
        // 是配 → 适配 and 康复就助 → 康复救助, but not 是残联 → 市残联: a function word standing before or after
        // a whole word of the text is most likely meant as typed. Only exact sounds.
        if (!exact.some((c) => c.word === word)) continue;
        if (parts.length === 2 && parts.some((p) => [...p].length > 1)) continue;
      }
      if (chars.length === 2 && changed.includes(1) && complements.has(chars[1])) continue;
      if (chars.length === 2 && towards.has(chars[0]) && directions.has(chars[1])) continue;
      // (Nor an adverb typed before a verb, 往上还能找谁: 上还 is not 上海.)
      if (chars.length === 2 && changed.some((i) => adverbs.has(chars[i]))) continue;
      // In a two-character run the character kept must be a word's, not a function word or a numeral (是二 ≠ 十二).
      // (Nor an adverb before a verb: 先找 is no 先照.)
      if (chars.length === 2 && chars.some((c, i) => !changed.includes(i) && (isFunction(c) || numeral.test(c) || adverbs.has(c)))) continue;
      if (!best || changed.length < best.changes || (changed.length === best.changes && count > best.count)) {
        best = { word, changes: changed.length, count };
      }
    }
    return best?.word ?? null;
  }

  /** The text with its homophone typos replaced by corpus words, and the repairs made. */
  repair(text: string): RepairResult {
    const repairs: TypoRepair[] = [];
    const out = text.replace(hanRun, (run) => {
      // Function words are split into characters: 怎么办里 is 怎么 + 办理.
      const words = this.lexicon.segment(run);
      const spelled = (p: string) => [...p].length > 1 && this.lexicon.isFunctionWord(p);
      const segments = words.flatMap((p) => (spelled(p) ? [...p] : [p]));
      // Which segments are characters of a function word the text spelled out whole (什 and 么 of 什么).
      const ofFunctionWord = words.flatMap((p) => (spelled(p) ? [...p].map(() => true) : [false]));
      const length = (s: string) => [...s].length;
      let result = "";
      let i = 0;
      while (i < segments.length) {
        // The longest run of whole segments from here (2–4 characters, one of them a segment alone) with a target.
        let repaired = false;
        for (let j = segments.length; j > i + 1 && !repaired; j--) {
          const parts = segments.slice(i, j);
          const piece = parts.join("");
          if (length(piece) > 4 || !parts.some((p) => length(p) === 1)) continue;
          const kept = parts.flatMap((p, k) => [...p].map(() => ofFunctionWord[i + k]));
          const target = this.targetFor(parts, kept);
          if (target) {
            repairs.push({ from: piece, to: target });
            result += target;
            i = j;
            repaired = true;
          }
        }
        if (!repaired) result += segments[i++];
      }
      return result;
    });
    return { text: out, repairs };
  }
}
