import type { Locale } from "~/i18n/config";
import { localePath } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { escapeHtml, getDocument, relatedDocuments, type PolicyDocument } from "~/modules/content/index.server";
import type { PolicyPageData } from "~/modules/content/page-data";

/**
 * The body HTML as a page shows it: internal links in the page's language, and after every section heading
 * a link to that section (which the page's script turns into "copy the link"). Made once per document and
 * language: it depends on nothing else, and a new corpus (an edited file) has new document objects.
 */
export function pageHtml(doc: PolicyDocument, locale: Locale): string {
  let byLocale = pageHtmlCache.get(doc);
  if (!byLocale) pageHtmlCache.set(doc, (byLocale = new Map()));
  let html = byLocale.get(locale);
  if (html === undefined) byLocale.set(locale, (html = localizedHtml(doc, locale)));
  return html;
}

const pageHtmlCache = new WeakMap<PolicyDocument, Map<Locale, string>>();

function localizedHtml(doc: PolicyDocument, locale: Locale): string {
  const t = getFixedT(locale);
  // A repealed article keeps its text, marked in words: "(repealed)" in its heading (heard when moving by headings)
  // and a note after it (repealedArticles; the overview at the top of the page lists them with the reasons).
  const repealOf = new Map(doc.sections.filter((s) => s.repeal).map((s) => [s.anchor, s.repeal!]));
  const lang = locale === "en" ? ' lang="en"' : "";
  const localized = doc.html.replace(/href="(\/(?:policies|guides|cinema|devices|assistant|contact|feedback|search|settings|accessibility)[^"]*)"/g, (_m, path: string) => `href="${localePath(path, locale)}"`);
  return localized.replace(/<(h[2-4]) id="([^"]+)">([\s\S]*?)<\/\1>/g, (heading, _tag, id: string, inner: string) => {
    const section = inner.replace(/<[^>]+>/g, "");
    // The visible words start the accessible name (WCAG 2.5.3); the section's name follows for screen readers.
    const hidden = escapeHtml(t("policies.copyLinkFor", { section }).replace(t("policies.copyLink"), ""));
    const repeal = repealOf.get(id);
    const marked = repeal
      ? `${heading.replace(/<\/h([2-4])>$/, `<span class="article-repealed__tag"${lang}>${escapeHtml(t("policies.articleRepealed.tag"))}</span></h$1>`)}\n<p class="notice notice--warning article-repealed"${lang}>${escapeHtml(t("policies.articleRepealed.inline", { date: formatDate(repeal.repealed, locale) }))}</p>`
      : heading;
    return `${marked}\n<p class="section-link no-print"><a href="#${id}" data-copy-link data-section="${escapeHtml(section)}">${escapeHtml(t("policies.copyLink"))}<span class="visually-hidden">${hidden}</span></a></p>`;
  });
}

/** A repealed document's replacement, as the served corpus has it (null when it names none, or one not published). */
function supersededBy(doc: PolicyDocument): PolicyPageData["doc"]["supersededBy"] {
  const next = doc.status === "repealed" && doc.supersededBy ? getDocument(doc.supersededBy) : undefined;
  return next ? { id: next.id, title: next.title, titleEn: next.titleEn } : null;
}

/** The articles repealed one by one, as the page lists them (replacements only when published). */
function repealedArticles(doc: PolicyDocument, locale: Locale): PolicyPageData["repealedArticles"] {
  return doc.sections.flatMap((s) => {
    const repeal = s.repeal;
    if (!repeal || repeal.anchor !== s.anchor) return [];
    const [targetId, anchor] = (repeal.supersededBy ?? "").split("#", 2);
    const target = targetId ? getDocument(targetId) : undefined;
    const article = anchor ? target?.sections.find((x) => x.anchor === anchor) : undefined;
    const replacedBy = target
      ? {
          href: localePath(`/policies/${target.id}${article ? `#${article.anchor}` : ""}`, locale),
          label: `${locale === "en" ? target.titleEn : target.title}${article ? ` ${article.citation}` : ""}`,
        }
      : null;
    const en = locale === "en" && repeal.noteEn !== undefined;
    return [{ anchor: s.anchor, citation: s.citation, date: repeal.repealed, note: en ? repeal.noteEn! : repeal.note, noteLang: en ? ("en" as const) : ("zh-CN" as const), replacedBy }];
  });
}

/** What the document page needs, without the raw body. */
export function policyPageData(doc: PolicyDocument, locale: Locale): PolicyPageData {
  let sourceSite = "";
  try {
    sourceSite = doc.source ? new URL(doc.source).hostname : "";
  } catch {
    sourceSite = "";
  }
  return {
    doc: {
      id: doc.id,
      title: doc.title,
      titleEn: doc.titleEn,
      type: doc.type,
      issuer: doc.issuer,
      docNumber: doc.docNumber ?? null,
      issued: doc.issued ?? null,
      effective: doc.effective ?? null,
      status: doc.status,
      supersededBy: supersededBy(doc),
      source: doc.source ?? null,
      sourceSite,
      reviewed: doc.reviewed,
      change: doc.changed ? { date: doc.changed, note: (locale === "en" ? doc.changeNoteEn : doc.changeNote) ?? "" } : null,
      summary: doc.summary,
      summaryEn: doc.summaryEn,
      easyRead: doc.easyRead ?? [],
      steps: doc.steps ?? [],
    },
    repealedArticles: repealedArticles(doc, locale),
    toc: doc.sections.filter((s) => s.level <= 2).map((s) => ({ anchor: s.anchor, heading: s.heading, level: s.level, repealed: s.repeal !== null })),
    html: pageHtml(doc, locale),
    related: relatedDocuments(doc),
  };
}
