/**
 * The shape of a passage's plain text (one line a paragraph or list item, as the content module writes it), so an
 * answer can keep a list whole and quote a regulation's article apart from the site's own notes. Pure.
 */

export type Block = { kind: "text"; lines: string[] } | { kind: "list"; intro: string | null; items: string[] };

const numbered = /^(\d+[.．、]|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*/;
const endsIntro = /[：:]$/;
const endsItem = /[；;]$/;

/** A numbered line: "1.", "（二）", "三、". */
export function isNumbered(line: string): boolean {
  return numbered.test(line);
}

/**
 * Paragraphs and lists. A list is a run of numbered lines (1. 2. …), or a run of lines ending in "；" closed by
 * the next line (the last item, "。"), with the line before it as its introduction when that ends in "：".
 */
export function blocksOf(text: string): Block[] {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const blocks: Block[] = [];
  const pushText = (line: string) => {
    const last = blocks[blocks.length - 1];
    if (last?.kind === "text") last.lines.push(line);
    else blocks.push({ kind: "text", lines: [line] });
  };
  let i = 0;
  while (i < lines.length) {
    const intro = endsIntro.test(lines[i]) ? lines[i] : null;
    const start = intro ? i + 1 : i;
    let end = start;
    if (end < lines.length && isNumbered(lines[end])) {
      while (end < lines.length && isNumbered(lines[end])) end++;
    } else if (end < lines.length && endsItem.test(lines[end])) {
      while (end < lines.length && endsItem.test(lines[end])) end++;
      if (end < lines.length && !endsIntro.test(lines[end]) && !isNumbered(lines[end])) end++; // the last item
    }
    const items = lines.slice(start, end);
    if (items.length >= 2 || (intro && items.length === 1)) {
      blocks.push({ kind: "list", intro, items });
      i = end;
    } else {
      pushText(lines[i]);
      i++;
    }
  }
  return blocks;
}

/** A list item without its number and closing punctuation ("1. 需要长期照护。" → "需要长期照护"). */
export function itemText(item: string): string {
  return item.replace(numbered, "").replace(/[；;。，,]$/, "").trim();
}

/** The list a line of the text belongs to (as its introduction or one of its items), or null. */
export function listHolding(text: string, line: string): Extract<Block, { kind: "list" }> | null {
  const probe = line.trim();
  if (!probe) return null;
  for (const block of blocksOf(text)) {
    if (block.kind !== "list") continue;
    if ((block.intro && block.intro.includes(probe)) || block.items.some((item) => item.includes(probe) || probe.includes(item))) return block;
  }
  return null;
}

/**
 * A regulation's section as the site writes it: the article (in plain words), then the site's own notes
 * ("在清远怎么申请：…", "关于本条例：…", "清远市……"). Returns the two apart; `note` is "" when there is none.
 */
export function articleAndNote(text: string): { article: string; note: string } {
  const lines = text.split("\n");
  const at = lines.findIndex((l, i) => i > 0 && siteNote.test(l.trim()));
  const first = siteNote.test(lines[0]?.trim() ?? "") ? 0 : at;
  if (first < 0) return { article: text, note: "" };
  return { article: lines.slice(0, first).join("\n").trim(), note: lines.slice(first).join("\n").trim() };
}

const siteNote = /^(在清远|关于本(法|条例|办法|规定|意见|决定|通知)|清远(市|的|是否|已|正在)?|本页)/;
