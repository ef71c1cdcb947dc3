import { Lexer, walkTokens, type Token, type Tokens } from "marked";
/**
 * Document structure: sections with stable, readable anchors and heading paths.
 *
 * Pure (no Node APIs, no dependencies) so the renderer, the search index, the knowledge check and — if ever
 * needed — client code all compute the same anchors, and a citation's `#anchor` always lands on its heading.
 *
 * Markdown bodies are structured by their ATX headings (`##`, `###`, …). Plain-text official full texts are
 * structured by their numbering lines: 第X编/章/节/条, 一、, （一）, 1. / 1．, (1).
 */

/** What kind of numbering a heading carries. `heading` = no recognised number (anchor is a slug). */
export type SectionKind =
  | "part" // 第X编
  | "chapter" // 第X章
  | "section" // 第X节
  | "article" // 第X条
  | "item1" // 一、
  | "item2" // （一）
  | "item3" // 1. / 1．/ 1、
  | "item4" // (1) / （1）
  | "heading";

export interface Section {
  /** Position in the document, 0-based. */
  index: number;
  /** Nesting depth, 1 = top level of the body. */
  level: number;
  kind: SectionKind;
  /** The numeric value of the number label (12 for 第十二条, 2 for （二）), null when unnumbered. */
  number: number | null;
  /** The number label as written: "第十二条", "一、", "（二）", "1." — "" when unnumbered. */
  label: string;
  /** The heading text after the label ("补贴对象"); may be "" (e.g. a bare "第十二条"). */
  title: string;
  /** The heading as shown: "第十二条 谁是残疾人", "一、补贴对象", "常见问题". */
  heading: string;
  /** Unique within the document: art-12, ch-2, s-1, s-1-2, s-1-2-1, or a slug. */
  anchor: string;
  /** Short citation label: "第十二条", "第二章", "一、补贴对象". */
  citation: string;
  /** Headings from the top level down to this section: ["第二章 康复", "第十五条 享有康复服务的权利"]. */
  path: string[];
  /** The section's own plain text (up to the next heading of any level), Markdown removed. */
  text: string;
}

export interface DocumentStructure {
  /** Plain text before the first heading ("" if none). */
  preamble: string;
  sections: Section[];
}

export type BodyFormat = "markdown" | "text";

// ---------------------------------------------------------------------------------------------------------
// Chinese numerals

const digitValues: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const unitValues: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * "十二" → 12, "一百零五" → 105, "二十" → 20, "两千" → 2000, "12" → 12, "一二" → 12 (digit by digit).
 * Returns null for anything that is not a numeral.
 */
export function chineseToNumber(input: string): number | null {
  const s = input.trim();
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  // Digit-by-digit form without units (一二 = 12, 二〇二五 = 2025).
  if (s.length > 1 && [...s].every((c) => c in digitValues) && !/[十百千万]/.test(s)) {
    return Number([...s].map((c) => digitValues[c]).join(""));
  }
  let total = 0; // completed 万 groups
  let group = 0; // value below 万
  let digit: number | null = null;
  for (const char of s) {
    if (char in digitValues) {
      digit = digitValues[char];
    } else if (char in unitValues) {
      group += (digit ?? 1) * unitValues[char];
      digit = null;
    } else if (char === "万") {
      total = (total + group + (digit ?? 0)) * 10000;
      group = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + group + (digit ?? 0);
}

// ---------------------------------------------------------------------------------------------------------
// Heading labels

const cn = "零〇一二两三四五六七八九十百千万";
const legalRe = new RegExp(`^第([${cn}\\d]+)(编|章|节|条)(?=$|[\\s　:：、.．]|[^${cn}\\d])[\\s　:：、.．]*(.*)$`);
const item1Re = new RegExp(`^([${cn}]+)[、.．]\\s*(.*)$`);
const item2Re = new RegExp(`^[（(]([${cn}]+)[）)]\\s*(.*)$`);
const item3Re = /^(\d{1,3})(?:[.．](?!\d)|、)\s*(.*)$/;
const item4Re = /^[（(](\d{1,3})[）)]\s*(.*)$/;

const legalKinds: Record<string, SectionKind> = { 编: "part", 章: "chapter", 节: "section", 条: "article" };

const kindRank: Record<SectionKind, number> = {
  part: 1, chapter: 2, section: 3, article: 4, item1: 5, item2: 6, item3: 7, item4: 8, heading: 9,
};

export interface HeadingLabel {
  kind: SectionKind;
  number: number | null;
  label: string;
  /** Everything after the label, trimmed. */
  rest: string;
}

/** Recognise the numbering at the start of a heading or structure line. */
export function parseHeadingLabel(text: string): HeadingLabel {
  const s = normalizeSpaces(text);
  let m = legalRe.exec(s);
  if (m) {
    const n = chineseToNumber(m[1]);
    if (n !== null) return { kind: legalKinds[m[2]], number: n, label: `第${m[1]}${m[2]}`, rest: m[3].trim() };
  }
  m = item2Re.exec(s);
  if (m) {
    const n = chineseToNumber(m[1]);
    if (n !== null) return { kind: "item2", number: n, label: `（${m[1]}）`, rest: m[2].trim() };
  }
  m = item4Re.exec(s);
  if (m) return { kind: "item4", number: Number(m[1]), label: `（${m[1]}）`, rest: m[2].trim() };
  m = item1Re.exec(s);
  if (m) {
    const n = chineseToNumber(m[1]);
    if (n !== null) return { kind: "item1", number: n, label: `${m[1]}、`, rest: m[2].trim() };
  }
  m = item3Re.exec(s);
  if (m) return { kind: "item3", number: Number(m[1]), label: `${m[1]}.`, rest: m[2].trim() };
  return { kind: "heading", number: null, label: "", rest: s };
}

// ---------------------------------------------------------------------------------------------------------
// Anchors

/** A readable fallback anchor: letters and digits of any script, joined by hyphens. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return [...slug].slice(0, 40).join("").replace(/-+$/, "") || "section";
}

interface Frame {
  kind: SectionKind;
  number: number | null;
  anchor: string;
  heading: string;
  /** Markdown heading depth (markdown) or kind rank (text). */
  depth: number;
}

/** Allocates anchors in document order; the same sequence of headings always yields the same anchors. */
class AnchorAllocator {
  private used = new Set<string>();

  allocate(kind: SectionKind, number: number | null, title: string, ancestors: Frame[]): string {
    return this.unique(this.base(kind, number, title, ancestors));
  }

  private base(kind: SectionKind, number: number | null, title: string, ancestors: Frame[]): string {
    if (number === null || kind === "heading") return slugify(title);
    const numbered = [...ancestors].reverse().find((f) => f.number !== null && f.kind !== "heading");
    switch (kind) {
      case "part":
        return `part-${number}`;
      case "chapter":
        return `ch-${number}`;
      case "section": {
        const chapter = [...ancestors].reverse().find((f) => f.kind === "chapter");
        return chapter ? `${chapter.anchor}-sec-${number}` : `sec-${number}`;
      }
      case "article":
        return `art-${number}`;
      default: {
        if (!numbered) return `s-${number}`;
        if (numbered.kind.startsWith("item") || numbered.kind === "article") return `${numbered.anchor}-${number}`;
        return `${numbered.anchor}-s-${number}`;
      }
    }
  }

  private unique(base: string): string {
    let anchor = base;
    for (let i = 2; this.used.has(anchor); i++) anchor = `${base}-${i}`;
    this.used.add(anchor);
    return anchor;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

function normalizeSpaces(text: string): string {
  return text.replace(/[\u3000\u00a0\t]/g, " ").replace(/ {2,}/g, " ").trim();
}

/** "总 则" → "总则": spaces between CJK characters in short titles are typographic, not meaningful. */
function collapseCjkSpaces(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}]) +(?=[\p{Script=Han}])/gu, "");
}

const isLegalKind = (kind: SectionKind) => kindRank[kind] <= kindRank.article;

function composeHeading(label: string, title: string, kind: SectionKind): string {
  if (!label) return title;
  if (!title) return label;
  return isLegalKind(kind) ? `${label} ${title}` : `${label}${title}`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}…`;
}

function composeCitation(kind: SectionKind, label: string, title: string, text: string): string {
  if (isLegalKind(kind)) return label;
  if (!label) return truncate(title, 20);
  return `${label}${truncate(title || text.split("\n")[0] || "", 16)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown → plain text (a light, dependency-free stripper for indexing and snippets)

export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  /** Whether each line of `out` was a list item ("- …"). */
  const bullet: boolean[] = [];
  let fence: string | null = null;
  for (const rawLine of markdown.split(/\r?\n/)) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(rawLine);
    if (fenceMatch) {
      fence = fence ? null : fenceMatch[1];
      continue;
    }
    if (fence) {
      out.push(rawLine);
      continue;
    }
    let line = rawLine.trim();
    if (/^([-*_])(\s*\1){2,}$/.test(line)) continue; // thematic break
    const item = /^[-*+]\s+/.test(line);
    if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line)) continue; // table separator
    line = line
      .replace(/^#{1,6}\s+/, "")
      .replace(/^(>\s*)+/, "")
      .replace(/^[-*+]\s+(\[[ xX]\]\s+)?/, "")
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, "$1$2")
      .replace(/~~(.+?)~~/g, "$1")
      .replace(/`([^`]+)`/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
    if (line.startsWith("|") || line.endsWith("|")) {
      line = line
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim())
        .filter(Boolean)
        .join(" ");
    }
    line = line.trim();
    if (line) {
      out.push(line);
      bullet.push(item);
    }
  }
  // A bulleted list keeps its shape in plain text the way Chinese writes a list: every item but the last ends in
  // "；" ("- 保留证据，例如通知、短信、照片。" → "…照片；"), so the assistant quotes and answers it as one list.
  for (let i = 0; i + 1 < out.length; i++) {
    if (bullet[i] && bullet[i + 1] && out[i].endsWith("。")) out[i] = `${out[i].slice(0, -1)}；`;
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Parsers

interface RawSection {
  kind: SectionKind;
  number: number | null;
  label: string;
  title: string;
  depth: number;
  lines: string[];
}

function finish(preambleLines: string[], raws: RawSection[], textOf: (lines: string[]) => string): DocumentStructure {
  const allocator = new AnchorAllocator();
  const stack: Frame[] = [];
  const sections: Section[] = [];
  raws.forEach((raw, index) => {
    while (stack.length && stack[stack.length - 1].depth >= raw.depth) stack.pop();
    const heading = composeHeading(raw.label, raw.title, raw.kind);
    const anchor = allocator.allocate(raw.kind, raw.number, heading, stack);
    const text = textOf(raw.lines);
    sections.push({
      index,
      level: stack.length + 1,
      kind: raw.kind,
      number: raw.number,
      label: raw.label,
      title: raw.title,
      heading,
      anchor,
      citation: composeCitation(raw.kind, raw.label, raw.title, text),
      path: [...stack.map((f) => f.heading), heading],
      text,
    });
    stack.push({ kind: raw.kind, number: raw.number, anchor, heading, depth: raw.depth });
  });
  return { preamble: textOf(preambleLines), sections };
}

const atxHeading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

export interface MarkdownHeading {
  depth: number;
  text: string;
  /** 0-based line number in the body. */
  line: number;
}

/** ATX headings outside fenced code blocks, in order (also used by the knowledge check). */
export function markdownHeadings(body: string): MarkdownHeading[] {
  const headings: MarkdownHeading[] = [];
  let fence = false;
  body.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*(`{3,}|~{3,})/.test(line)) {
      fence = !fence;
      return;
    }
    if (fence) return;
    const m = atxHeading.exec(line);
    if (m) headings.push({ depth: m[1].length, text: m[2].trim(), line: i });
  });
  return headings;
}

/** Sections from a Markdown body's `##`/`###` (any ATX) headings; nesting follows the heading depth. */
export function parseMarkdownStructure(body: string): DocumentStructure {
  const lines = body.split(/\r?\n/);
  const headingAt = new Map(markdownHeadings(body).map((h) => [h.line, h]));
  const preamble: string[] = [];
  const raws: RawSection[] = [];
  lines.forEach((line, i) => {
    const heading = headingAt.get(i);
    if (heading) {
      const parsed = parseHeadingLabel(stripInlineMarkdown(heading.text));
      // (markdownHeadingDisplay must stay in step with this.)
      const title = parsed.kind === "heading" ? parsed.rest : parsed.rest.replace(/^[:：\s]+/, "");
      raws.push({ kind: parsed.kind, number: parsed.number, label: parsed.label, title, depth: heading.depth, lines: [] });
    } else if (raws.length) {
      raws[raws.length - 1].lines.push(line);
    } else {
      preamble.push(line);
    }
  });
  return finish(preamble, raws, (ls) => markdownToPlainText(ls.join("\n")));
}

function stripInlineMarkdown(text: string): string {
  return markdownToPlainText(text).replace(/\n/g, " ");
}

/** How a Markdown heading's text is shown as a section heading (used to pair rendered headings with sections). */
export function markdownHeadingDisplay(text: string): string {
  const parsed = parseHeadingLabel(stripInlineMarkdown(text));
  const title = parsed.kind === "heading" ? parsed.rest : parsed.rest.replace(/^[:：\s]+/, "");
  return composeHeading(parsed.label, title, parsed.kind);
}

/** Splits a structure line's remainder into a short title and the text that follows it. */
function splitTitle(kind: SectionKind, rest: string): { title: string; text: string } {
  if (!rest) return { title: "", text: "" };
  if (kind === "part" || kind === "chapter" || kind === "section") return { title: collapseCjkSpaces(rest), text: "" };
  if (kind === "article") {
    // Official articles have no titles: "第十五条　国家保障残疾人享有康复服务的权利。" is text.
    return [...rest].length <= 20 && !/[，。；：、,;:]/.test(rest) ? { title: rest, text: "" } : { title: "", text: rest };
  }
  const end = /[。！？；!?;]/.exec(rest);
  if (end) {
    const first = rest.slice(0, end.index);
    if ([...first].length <= 40) return { title: first.replace(/[：:]$/, ""), text: rest.slice(end.index + 1).trim() };
    return { title: "", text: rest };
  }
  return [...rest].length <= 50 ? { title: rest.replace(/[：:]$/, ""), text: "" } : { title: "", text: rest };
}

/**
 * Sections from a plain-text official full text. When the text has articles (第X条), only 编/章/节/条 lines
 * are structure — the （一）… items inside an article are its clauses, not headings.
 */
export function parsePlainTextStructure(text: string): DocumentStructure {
  const lines = text
    .split(/\r?\n/)
    .map(normalizeSpaces)
    .filter((l) => l.length > 0);
  const labels = lines.map(parseHeadingLabel);
  // An article line has a space (or nothing) after its label; "第三条规定…" at a line start is prose.
  const isArticleLine = (i: number) =>
    labels[i].kind === "article" && (lines[i].length === labels[i].label.length || /\s/.test(lines[i][labels[i].label.length]));
  const legal = lines.some((_, i) => isArticleLine(i));
  const preamble: string[] = [];
  const raws: RawSection[] = [];
  lines.forEach((line, i) => {
    const parsed = labels[i];
    const structural =
      parsed.kind !== "heading" && (parsed.kind === "article" ? isArticleLine(i) : !legal || isLegalKind(parsed.kind));
    if (structural) {
      const { title, text: rest } = splitTitle(parsed.kind, parsed.rest);
      raws.push({
        kind: parsed.kind,
        number: parsed.number,
        label: parsed.label,
        title,
        depth: kindRank[parsed.kind],
        lines: rest ? [rest] : [],
      });
    } else if (raws.length) {
      raws[raws.length - 1].lines.push(line);
    } else {
      preamble.push(line);
    }
  });
  return finish(preamble, raws, (ls) => ls.join("\n"));
}

export function parseStructure(body: string, format: BodyFormat): DocumentStructure {
  return format === "markdown" ? parseMarkdownStructure(body) : parsePlainTextStructure(body);
}

/** The links of a Markdown body (as marked reads them: not those in code). */
export function markdownLinks(body: string): Tokens.Link[] {
  const links: Tokens.Link[] = [];
  walkTokens(new Lexer({ gfm: true }).lex(body), (token: Token) => {
    if (token.type === "link") links.push(token as Tokens.Link);
  });
  return links;
}

/**
 * Headings that break the 第X章/第X条 structure: in body order each chapter and each article must have a larger
 * number than the one before it (articles run on across chapters; a summary may leave some out). One message each,
 * "第三条 … comes after 第五条".
 */
export function articleNumberingProblems(body: string): string[] {
  const last: Partial<Record<SectionKind, { number: number; label: string }>> = {};
  const problems: string[] = [];
  for (const heading of markdownHeadings(body)) {
    const label = parseHeadingLabel(heading.text);
    if ((label.kind !== "article" && label.kind !== "chapter") || label.number === null) continue;
    const before = last[label.kind];
    if (before && label.number <= before.number) problems.push(`heading "${heading.text}" comes after ${before.label}`);
    last[label.kind] = { number: label.number, label: label.label };
  }
  return problems;
}
