import { Lexer, walkTokens, type Token } from "marked";
import { articleNumberingProblems, markdownHeadings, markdownLinks, type BodyFormat } from "./structure";
import { linkableAppPages, linkableAppPrefixes } from "./taxonomy";

/**
 * The rules a document's body must keep, wherever it comes from: `npm run knowledge:check` applies them to the files
 * of knowledge/, the console's saveDraft to what an editor typed (issue 16, item 3). Pure: the caller says which
 * documents exist (`findDocument`), from the files or from the database. The messages are English sentences, each
 * shaped so the console can tell them apart and say them in the editor's language (DraftForm.tsx, `known`).
 */

export type BodyRule =
  | "no-sections"
  | "h1-in-body"
  | "heading-jump"
  | "heading-syntax"
  | "article-order"
  | "broken-link"
  | "broken-anchor"
  | "unknown-page"
  | "bad-link"
  | "insecure-link";

export interface BodyIssue {
  rule: BodyRule;
  message: string;
  /** 1-based line in the body, when known. */
  line?: number;
  /** Advice only (an http:// link): knowledge:check warns, the console saves. */
  warning?: true;
}

/** What a body's rules need to know of a document it links to: its section anchors. */
export interface LinkedDocument {
  id: string;
  sections: ReadonlyArray<{ anchor: string }>;
}

function lineOf(body: string, raw: string): number | undefined {
  const at = body.indexOf(raw);
  return at < 0 ? undefined : body.slice(0, at).split("\n").length;
}

function lexedHeadingCount(body: string): number {
  let count = 0;
  walkTokens(new Lexer({ gfm: true }).lex(body), (token: Token) => {
    if (token.type === "heading") count++;
  });
  return count;
}

/** The id a body link points at when it is a link to a document (`/policies/<id>`, `/en/policies/<id>`), else null. */
function policyLinkTarget(href: string): { id: string; hash: string | undefined } | null {
  if (!href.startsWith("/")) return null;
  const [withoutHash, hash] = href.split("#", 2);
  const policy = /^\/policies\/([^/]+)$/.exec(neutralPath(withoutHash));
  return policy ? { id: decodeURIComponent(policy[1]), hash } : null;
}

/** A site path without its query, trailing slash and /en prefix: "/en/policies/x/?a" → "/policies/x". */
function neutralPath(withoutHash: string): string {
  const pathname = withoutHash.split("?")[0].replace(/\/+$/, "") || "/";
  return pathname === "/en" ? "/" : pathname.startsWith("/en/") ? pathname.slice(3) : pathname;
}

/** The ids of the documents a Markdown body links to (so a caller can look them up before checking the body). */
export function linkedDocumentIds(body: string): string[] {
  const ids = markdownLinks(body).map((l) => policyLinkTarget(l.href.trim())?.id).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/**
 * Every problem of a body: no sections; for Markdown, an h1 in the body, a skipped heading level, an underlined
 * heading, articles out of order, and links that lead nowhere (an anchor of this or another document that does not
 * exist, a missing document, a page the portal does not have, a relative link). `sections` are the body's own
 * sections; `findDocument` answers for the documents it links to (this one included).
 */
export function bodyIssues(
  body: string,
  format: BodyFormat,
  sections: ReadonlyArray<{ anchor: string }>,
  findDocument: (id: string) => LinkedDocument | undefined,
): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (sections.length === 0) {
    issues.push({
      rule: "no-sections",
      message:
        format === "markdown"
          ? "the body has no ## headings: give every section a heading (## 一、… or ## 第X条 …)"
          : "no structure lines found (第X章/第X条, 一、, （一）, 1.)",
    });
  }
  if (format !== "markdown") return issues;

  // Headings: no h1 in the body (the page title is the h1), no skipped levels, only ATX (#) headings.
  let previous = 1;
  for (const heading of markdownHeadings(body)) {
    const line = heading.line + 1;
    if (heading.depth === 1) {
      issues.push({ line, rule: "h1-in-body", message: `"# ${heading.text}": the title is the page's h1; start sections at ##` });
    } else if (heading.depth > previous + 1) {
      issues.push({
        line,
        rule: "heading-jump",
        message: `"${"#".repeat(heading.depth)} ${heading.text}" follows a level-${previous} heading: do not skip levels`,
      });
    }
    previous = heading.depth;
  }
  for (const message of articleNumberingProblems(body)) issues.push({ rule: "article-order", message });
  if (lexedHeadingCount(body) !== markdownHeadings(body).length) {
    issues.push({
      rule: "heading-syntax",
      message: "a heading is written with underlines (=== or --- below a line): use ## headings so it gets an anchor",
    });
  }

  // Links.
  for (const link of markdownLinks(body)) {
    const href = link.href.trim();
    const line = lineOf(body, link.raw);
    const at = line ? { line } : {};
    if (/^https:\/\//i.test(href) || /^(mailto|tel):/i.test(href)) continue;
    if (/^http:\/\//i.test(href)) {
      issues.push({ ...at, rule: "insecure-link", message: `${href}: prefer the https:// address`, warning: true });
      continue;
    }
    if (href.startsWith("#")) {
      const anchor = decodeURIComponent(href.slice(1));
      if (!sections.some((s) => s.anchor === anchor)) {
        issues.push({ ...at, rule: "broken-anchor", message: `${href}: no section with this anchor in this document` });
      }
      continue;
    }
    if (!href.startsWith("/")) {
      issues.push({ ...at, rule: "bad-link", message: `${href}: link to /policies/<id>, an app page, or an https:// address` });
      continue;
    }
    const policy = policyLinkTarget(href);
    if (policy) {
      const target = findDocument(policy.id);
      if (!target) {
        issues.push({ ...at, rule: "broken-link", message: `${href}: no document with id "${policy.id}"` });
      } else if (policy.hash && !target.sections.some((s) => s.anchor === decodeURIComponent(policy.hash!))) {
        issues.push({ ...at, rule: "broken-anchor", message: `${href}: "${target.id}" has no section #${policy.hash}` });
      }
      continue;
    }
    const neutral = neutralPath(href.split("#", 2)[0]);
    const allowed = (linkableAppPages as readonly string[]).includes(neutral) || linkableAppPrefixes.some((p) => neutral.startsWith(p));
    if (!allowed) issues.push({ ...at, rule: "unknown-page", message: `${href}: not a page of the portal` });
  }
  return issues;
}
