import { htmlLang, localePath, type Locale } from "~/i18n/config";
import { escapeXml } from "~/modules/shared/xml";
import { policyFeedPath } from "./feed";
import { compareDocuments, getCorpus, type Corpus, type PolicyDocument } from "./corpus.server";
import { chinaToday } from "./schema";

/**
 * The Atom feed (RFC 4287) of notices and changed documents (issue 16, item 7): `/feeds/policies.xml`, and
 * `/en/feeds/policies.xml` with the English titles and summaries. An entry is a notice, or a document whose front
 * matter records a substantive change (`changed`, `changeNote`); newest first by the change's date, else the date
 * of issue, else the review date. Its id is the page's canonical address, so a later change updates the entry.
 */

export { atomContentType, policyFeedPath } from "./feed";
/** Entries in the feed at most (the newest). */
export const policyFeedMax = 50;

/** The date an entry counts as updated (YYYY-MM-DD). */
export function feedDate(doc: PolicyDocument): string {
  return doc.changed ?? doc.issued ?? doc.reviewed;
}

/** Notices and documents with a recorded change, newest first (same date: as the policy list orders them). */
export function feedDocuments(corpus: Corpus = getCorpus(), max = policyFeedMax): PolicyDocument[] {
  return corpus.documents
    .filter((doc) => doc.type === "notice" || doc.changed)
    .sort((a, b) => {
      const [da, db] = [feedDate(a), feedDate(b)];
      return da === db ? compareDocuments(a, b) : da < db ? 1 : -1;
    })
    .slice(0, Math.max(0, max));
}

export interface PolicyFeedOptions {
  locale: Locale;
  /** Where the portal is: PUBLIC_ORIGIN, or the origin the request came to ("https://access.example.gov.cn"). */
  origin: string;
  title: string;
  subtitle: string;
  /** The feed's author: the Federation. Each entry's author is its document's issuer. */
  author: string;
}

/** A China calendar day as an RFC 3339 date-time: midnight in Qingyuan. */
const atomDate = (day: string) => `${day}T00:00:00+08:00`;

function entry(doc: PolicyDocument, { locale, origin }: PolicyFeedOptions): string {
  const en = locale === "en";
  const page = origin + localePath(doc.url, locale);
  const summary = doc.changed ? (en ? doc.changeNoteEn : doc.changeNote) : en ? doc.summaryEn : doc.summary;
  return [
    "  <entry>",
    `    <id>${escapeXml(page)}</id>`,
    `    <title type="text">${escapeXml(en ? doc.titleEn : doc.title)}</title>`,
    `    <link rel="alternate" type="text/html" hreflang="${htmlLang(locale)}" href="${escapeXml(page)}"/>`,
    `    <updated>${atomDate(feedDate(doc))}</updated>`,
    ...(doc.issued ? [`    <published>${atomDate(doc.issued)}</published>`] : []),
    // The issuer's name is Chinese on both feeds, as the pages show it.
    `    <author><name xml:lang="zh-CN">${escapeXml(doc.issuer)}</name></author>`,
    `    <category term="${escapeXml(doc.type)}"/>`,
    `    <summary type="text">${escapeXml(summary ?? "")}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** The feed document: well-formed XML whatever the texts hold (everything is escaped). */
export function policyFeedXml(documents: PolicyDocument[], options: PolicyFeedOptions): string {
  const { locale, origin } = options;
  const self = origin + localePath(policyFeedPath, locale);
  const updated = documents.map(feedDate).reduce((newest, day) => (day > newest ? day : newest), "") || chinaToday();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${htmlLang(locale)}">`,
    `  <id>${escapeXml(self)}</id>`,
    `  <title type="text">${escapeXml(options.title)}</title>`,
    `  <subtitle type="text">${escapeXml(options.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${htmlLang(locale)}" href="${escapeXml(origin + localePath("/policies", locale))}"/>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <author><name>${escapeXml(options.author)}</name></author>`,
    ...documents.map((doc) => entry(doc, options)),
    "</feed>",
    "",
  ].join("\n");
}
