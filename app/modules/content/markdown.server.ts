import { Marked, type Tokens } from "marked";
import {
  markdownHeadingDisplay,
  markdownHeadings,
  slugify,
  type BodyFormat,
  type DocumentStructure,
} from "./structure";

/**
 * Document bodies → HTML for the policy pages.
 * - Every heading carries `id` = its section anchor from structure.ts, so citations (#art-12) land on it.
 * - Headings are shifted so the body starts at <h2> (the page's <h1> is the document title).
 * - Raw HTML in Markdown is escaped, never passed through; unsafe link protocols are dropped.
 * - Internal links (/policies/<id>) are left as written; external links get rel="noopener".
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const safeHref = /^(https?:|mailto:|tel:|\/|#|\.{0,2}\/?[\w-])/i;
const unsafeProtocol = /^\s*(javascript|vbscript|data|file):/i;

function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/** Markdown body → HTML with anchored headings. `structure` must come from parseMarkdownStructure(body). */
export function renderMarkdown(body: string, structure: DocumentStructure): string {
  const depths = markdownHeadings(body).map((h) => h.depth);
  const minDepth = depths.length ? Math.min(...depths) : 2;
  const sections = structure.sections;
  const used = new Set(sections.map((s) => s.anchor));
  let next = 0;

  const anchorFor = (token: Tokens.Heading): string => {
    const section = sections[next];
    if (section && section.heading === markdownHeadingDisplay(token.text)) {
      next++;
      return section.anchor;
    }
    // A heading the structure parser did not see (e.g. a setext heading): still give it a unique id.
    const base = slugify(markdownHeadingDisplay(token.text));
    let anchor = base;
    for (let i = 2; used.has(anchor); i++) anchor = `${base}-${i}`;
    used.add(anchor);
    return anchor;
  };

  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(token) {
        const level = Math.min(6, Math.max(2, token.depth - minDepth + 2));
        const inner = this.parser.parseInline(token.tokens);
        return `<h${level} id="${escapeHtml(anchorFor(token))}">${inner}</h${level}>\n`;
      },
      html(token) {
        const escaped = escapeHtml(token.text);
        return "block" in token && token.block ? `<p>${escaped.trim()}</p>\n` : escaped;
      },
      link(token) {
        const inner = this.parser.parseInline(token.tokens);
        const href = token.href.trim();
        if (unsafeProtocol.test(href) || !safeHref.test(href)) return inner;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        const rel = isExternal(href) ? ' rel="noopener"' : "";
        return `<a href="${escapeHtml(href)}"${title}${rel}>${inner}</a>`;
      },
      image(token) {
        const href = token.href.trim();
        if (unsafeProtocol.test(href) || !safeHref.test(href)) return escapeHtml(token.text);
        return `<img src="${escapeHtml(href)}" alt="${escapeHtml(token.text)}">`;
      },
    },
  });
  return marked.parse(body, { async: false }) as string;
}

export interface PlainTextRenderOptions {
  /** The document title: leading lines that only repeat it (the official text's own title block) are dropped. */
  title?: string;
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, "");

/** Leading preamble lines that together spell (a prefix of) the title. */
export function titleLineCount(lines: string[], title: string | undefined): number {
  if (!title) return 0;
  const target = compact(title);
  let joined = "";
  let count = 0;
  for (const line of lines) {
    const candidate = joined + compact(line);
    if (!candidate || !target.startsWith(candidate)) break;
    joined = candidate;
    count++;
  }
  return joined.length >= Math.min(8, target.length) ? count : 0;
}

function paragraphs(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>\n`)
    .join("");
}

/** A plain-text official full text → headings (with anchors) and paragraphs, one paragraph per line. */
export function renderPlainText(structure: DocumentStructure, options: PlainTextRenderOptions = {}): string {
  const preambleLines = structure.preamble.split("\n").filter((l) => l.trim());
  const skip = titleLineCount(preambleLines, options.title);
  let html = paragraphs(preambleLines.slice(skip).join("\n"));
  for (const section of structure.sections) {
    const level = Math.min(6, section.level + 1);
    html += `<h${level} id="${escapeHtml(section.anchor)}">${escapeHtml(section.heading)}</h${level}>\n`;
    html += paragraphs(section.text);
  }
  return html;
}

export function renderBody(
  body: string,
  format: BodyFormat,
  structure: DocumentStructure,
  options: PlainTextRenderOptions = {},
): string {
  return format === "markdown" ? renderMarkdown(body, structure) : renderPlainText(structure, options);
}
