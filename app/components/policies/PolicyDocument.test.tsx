import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import type { PolicyPageData } from "~/modules/content/page-data";
import { PolicyDocument } from "./PolicyDocument";

const data: PolicyPageData = {
  doc: {
    id: "card-rules",
    title: "残疾人证管理办法",
    titleEn: "Rules on the disability certificate",
    type: "regulation",
    issuer: "中国残联",
    docNumber: "残联发〔2017〕43号",
    issued: "2017-11-23",
    effective: "2018-01-01",
    status: "current",
    supersededBy: null,
    source: "https://www.cdpf.org.cn/card",
    sourceSite: "中国残联",
    reviewed: "2026-10-01",
    change: null,
    summary: "办证、换证和注销。",
    summaryEn: "Applying for, renewing and cancelling the certificate.",
    easyRead: ["残疾人证证明您的残疾类别和等级。"],
    steps: [{ title: "准备材料", text: "身份证和照片。" }],
  },
  repealedArticles: [{ anchor: "article-9", citation: "第九条", date: "2025-01-01", note: "已由新规定代替", noteLang: "zh-CN", replacedBy: null }],
  toc: [
    { anchor: "chapter-1", heading: "第一章 总则", level: 1, repealed: false },
    { anchor: "article-9", heading: "第九条", level: 2, repealed: true },
  ],
  html: '<h2 id="chapter-1">第一章 总则</h2><p>第一条 …</p>',
  related: [{ id: "card-guide", title: "残疾人证办理指南", titleEn: "How to get the certificate" }],
};

describe("PolicyDocument", () => {
  it("is an article with the title as h1 (marked Chinese), its facts as a description list, and named sections", async () => {
    const root = await routeRendered(<PolicyDocument data={data} />, "/policies/card-rules");
    const article = getByRole(root, "article");
    const h1 = getByRole(article, "heading", { level: 1, name: "残疾人证管理办法" });
    expect(h1.querySelector('[lang="zh-CN"]')).not.toBeNull();
    const terms = [...article.querySelectorAll(".policy__meta dt")].map((dt) => dt.textContent);
    expect(terms).toEqual(["发布机关", "文号", "发布日期", "施行日期", "状态"]);
    expect(article.querySelector(".policy__meta time")?.getAttribute("datetime")).toBe("2017-11-23");
    for (const name of ["这份文件有部分条款已经废止", "摘要", "易读版", "办理步骤", "相关指南和文件", "还有疑问？"]) {
      expect(getByRole(article, "region", { name })).toBeTruthy();
    }
    expect(getByRole(article, "link", { name: "查看官方原文（中国残联）" }).getAttribute("href")).toBe("https://www.cdpf.org.cn/card");
    expect(getByRole(article, "link", { name: "去智能问答" }).getAttribute("href")).toBe("/assistant");
  });

  it("has a named table of contents of links into the body, a repealed article tagged in words, and the repealed list linking to it", async () => {
    const root = await routeRendered(<PolicyDocument data={data} />, "/policies/card-rules");
    const toc = getByRole(root, "navigation", { name: "本页目录" });
    expect(getAllByRole(toc, "link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["第一章 总则", "#chapter-1"],
      ["第九条（已废止）", "#article-9"],
    ]);
    const repealed = getByRole(root, "region", { name: "这份文件有部分条款已经废止" });
    expect(getByRole(repealed, "link", { name: "第九条" }).getAttribute("href")).toBe("#article-9");
    expect(root.querySelector(".policy__body")?.getAttribute("lang")).toBe("zh-CN");
  });

  it("a repealed document says so and links its replacement; on /en the English title is given beside the Chinese", async () => {
    const root = await routeRendered(
      <PolicyDocument data={{ ...data, doc: { ...data.doc, status: "repealed", supersededBy: { id: "card-rules-2025", title: "新办法", titleEn: "New rules" } } }} />,
      "/en/policies/card-rules",
    );
    expect(getByRole(root, "link", { name: "New rules" }).getAttribute("href")).toBe("/en/policies/card-rules-2025");
    expect(getByRole(root, "heading", { level: 1 }).textContent).toContain("Rules on the disability certificate");
    expect(queryByRole(root, "link", { name: "新办法" })).toBeNull();
  });
});
