import { JSDOM } from "jsdom";
import { escapeXml } from "~/modules/shared/xml";
import { getCorpus, type Corpus, type PolicyDocument } from "./corpus.server";
import { feedDate, feedDocuments, policyFeedXml, type PolicyFeedOptions } from "./feed.server";

const atom = "http://www.w3.org/2005/Atom";
const options: PolicyFeedOptions = { locale: "zh-CN", origin: "https://access.example.gov.cn", title: "更新", subtitle: "通知公告和修改", author: "清远市残疾人联合会" };

/** Parses the feed back (jsdom's XML parser throws on a document that is not well-formed). */
function parse(xml: string) {
  const document = new JSDOM(xml, { contentType: "application/xml" }).window.document;
  const text = (el: Element | Document, name: string) => el.getElementsByTagNameNS(atom, name)[0]?.textContent ?? null;
  const entries = [...document.getElementsByTagNameNS(atom, "entry")].map((e) => ({
    id: text(e, "id"),
    title: text(e, "title"),
    updated: text(e, "updated"),
    published: text(e, "published"),
    summary: text(e, "summary"),
    author: text(e.getElementsByTagNameNS(atom, "author")[0]!, "name"),
    link: e.getElementsByTagNameNS(atom, "link")[0]?.getAttribute("href") ?? null,
  }));
  const feedLinks = [...document.documentElement.children].filter((el) => el.localName === "link").map((l) => [l.getAttribute("rel"), l.getAttribute("href")]);
  return { document, root: document.documentElement, entries, feedLinks, text };
}

/** A document as the corpus would hold it, with only what the feed reads. */
const doc = (fields: Partial<PolicyDocument>): PolicyDocument =>
  ({
    id: "a-notice",
    url: "/policies/a-notice",
    title: "通知",
    titleEn: "Notice",
    type: "notice",
    issuer: "清远市残疾人联合会",
    status: "current",
    reviewed: "2026-11-26",
    summary: "摘要。",
    summaryEn: "Summary.",
    ...fields,
  }) as PolicyDocument;

describe("escapeXml", () => {
  it("turns <, &, > and both quotes into entities, and drops what XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
    expect(escapeXml("a\u0000b\u0008c\u001Fd\tline\nend\r")).toBe("abcd\tline\nend\r");
    expect(escapeXml("lone \uD800 surrogate, pair 😀")).toBe("lone  surrogate, pair 😀");
    expect(escapeXml("残疾人保障法")).toBe("残疾人保障法");
  });
});

describe("the feed's documents", () => {
  it("are the notices and the documents with a recorded change, newest first by change, issue, then review date", () => {
    const docs = feedDocuments();
    const corpus = getCorpus().documents;
    expect(docs.length).toBe(corpus.filter((d) => d.type === "notice" || d.changed).length);
    expect(docs.map((d) => d.id)).toEqual(expect.arrayContaining(["disability-protection-law", "copyright-law-accessible-format", "qingyuan-support-measures-revision"]));
    expect(docs.every((d) => d.type === "notice" || d.changed)).toBe(true);
    const dates = docs.map(feedDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feedDate(docs.find((d) => d.id === "disability-protection-law")!)).toBe("2018-10-26");
    // A notice without a date of issue counts from its review.
    expect(feedDate(docs.find((d) => d.id === "disability-days")!)).toBe("2026-11-26");
  });

  it("are at most the newest `max`", () => {
    const corpus: Corpus = { dir: "", errors: [], documents: [doc({ id: "old", issued: "2020-01-01" }), doc({ id: "new", issued: "2025-01-01" }), doc({ id: "guide", type: "guide" })] };
    expect(feedDocuments(corpus, 1).map((d) => d.id)).toEqual(["new"]);
    expect(feedDocuments(corpus).map((d) => d.id)).toEqual(["new", "old"]);
  });
});

describe("the Atom feed", () => {
  it("is well-formed Atom with the feed's id, title, links, updated and author", () => {
    const { root, text, feedLinks, entries } = parse(policyFeedXml(feedDocuments(), options));
    expect(root.namespaceURI).toBe(atom);
    expect(root.localName).toBe("feed");
    expect(root.getAttribute("xml:lang")).toBe("zh-CN");
    expect(text(root as unknown as Document, "id")).toBe("https://access.example.gov.cn/feeds/policies.xml");
    expect(feedLinks).toEqual([
      ["self", "https://access.example.gov.cn/feeds/policies.xml"],
      ["alternate", "https://access.example.gov.cn/policies"],
    ]);
    // The newest entry's date.
    expect([...root.children].find((el) => el.localName === "updated")?.textContent).toBe(entries[0]!.updated);
    expect([...root.children].find((el) => el.localName === "author")?.textContent).toBe("清远市残疾人联合会");
  });

  it("gives every entry an id, title, link, updated, author and summary; a changed document's summary is its change note", () => {
    const { entries } = parse(policyFeedXml(feedDocuments(), options));
    expect(entries.length).toBeGreaterThan(2);
    for (const e of entries) {
      expect(e.id).toMatch(/^https:\/\/access\.example\.gov\.cn\/policies\/[a-z0-9-]+$/);
      expect(e.link).toBe(e.id);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
      for (const field of [e.title, e.author, e.summary]) expect(field?.trim()).toBeTruthy();
    }
    const law = entries.find((e) => e.id?.endsWith("/disability-protection-law"))!;
    expect(law).toMatchObject({ title: "中华人民共和国残疾人保障法", updated: "2018-10-26T00:00:00+08:00", published: "2008-04-24T00:00:00+08:00", author: "全国人民代表大会常务委员会" });
    expect(law.summary).toBe(getCorpus().documents.find((d) => d.id === "disability-protection-law")!.changeNote);
  });

  it("in English: English titles and notes, /en addresses", () => {
    const { root, entries, feedLinks } = parse(policyFeedXml(feedDocuments(), { ...options, locale: "en", title: "Updates", subtitle: "Notices" }));
    expect(root.getAttribute("xml:lang")).toBe("en");
    expect(feedLinks[0]).toEqual(["self", "https://access.example.gov.cn/en/feeds/policies.xml"]);
    const law = entries.find((e) => e.id?.endsWith("/disability-protection-law"))!;
    expect(law.id).toBe("https://access.example.gov.cn/en/policies/disability-protection-law");
    expect(law.title).toBe("Law of the People's Republic of China on the Protection of Persons with Disabilities");
    expect(law.summary).toMatch(/^Amended/);
  });

  it("stays well-formed and says exactly what the texts say, whatever characters they hold", () => {
    const tricky = `<script>alert("x")</script> & 'quotes' ]]> \u0001`;
    const xml = policyFeedXml([doc({ title: tricky, issuer: `A & B <"C">`, summary: tricky, issued: "2025-10-16" })], { ...options, title: tricky, origin: "https://a.example?x=1&y=2" });
    expect(xml).not.toContain("<script>");
    const { entries, root, text } = parse(xml);
    const clean = tricky.replace("\u0001", "");
    expect(text(root as unknown as Document, "title")).toBe(clean);
    expect(entries[0]).toMatchObject({ title: clean, summary: clean, author: `A & B <"C">`, id: "https://a.example?x=1&y=2/policies/a-notice" });
  });

  it("with nothing to list is still a valid feed, dated today", () => {
    const { entries, root } = parse(policyFeedXml([], options));
    expect(entries).toEqual([]);
    expect([...root.children].find((el) => el.localName === "updated")?.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
  });
});
