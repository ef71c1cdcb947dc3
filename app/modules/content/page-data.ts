import type { DocStatus, DocType } from "./taxonomy";

/**
 * What a policy document's page renders (http/policy-page.server.ts makes it; components/policies/PolicyDocument
 * renders it, for the public page and the console's preview alike). Zod-free and server-free, so pages can import it.
 */
export interface PolicyPageData {
  doc: {
    id: string;
    title: string;
    titleEn: string;
    type: DocType;
    issuer: string;
    docNumber: string | null;
    issued: string | null;
    effective: string | null;
    status: DocStatus;
    /** A repealed document's replacement, when it is published (its page to link to). */
    supersededBy: { id: string; title: string; titleEn: string } | null;
    source: string | null;
    sourceSite: string;
    reviewed: string;
    /** The last substantive change, its note in the page's language (null: none recorded since first published). */
    change: { date: string; note: string } | null;
    summary: string;
    summaryEn: string;
    easyRead: string[];
    steps: Array<{ title: string; text: string }>;
  };
  /**
   * Articles repealed one by one (front matter repealedArticles), in body order: where (anchor, citation), since
   * when, why (the note in the page's language, Chinese when no English one is written) and the replacement when it
   * is published (a page, or one article of it).
   */
  repealedArticles: Array<{
    anchor: string;
    citation: string;
    date: string;
    note: string;
    noteLang: "zh-CN" | "en";
    replacedBy: { href: string; label: string } | null;
  }>;
  toc: Array<{ anchor: string; heading: string; level: number; repealed: boolean }>;
  html: string;
  related: Array<{ id: string; title: string; titleEn: string }>;
}
