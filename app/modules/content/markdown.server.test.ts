import { renderMarkdown, renderPlainText } from "./markdown.server";
import { parseMarkdownStructure, parsePlainTextStructure } from "./structure";

const render = (md: string) => renderMarkdown(md, parseMarkdownStructure(md));

describe("Markdown rendering", () => {
  it("starts the body at h2 and gives headings their section anchors", () => {
    expect(render("## 一、谁可以申请\n\n### （二）材料\n")).toBe('<h2 id="s-1">一、谁可以申请</h2>\n<h3 id="s-1-2">（二）材料</h3>\n');
    // A body that starts at ### is shifted up so the page has no gap after its h1.
    expect(render("### 第三条　平等\n")).toContain('<h2 id="art-3">第三条　平等</h2>');
  });

  it("escapes raw HTML instead of passing it through", () => {
    const html = render('## 一、说明\n\n<script>alert(1)</script>\n\n文字<b onclick="x()">粗</b>\n');
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b ");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b onclick=&quot;x()&quot;&gt;");
  });

  it("leaves internal links alone and marks external ones rel=noopener", () => {
    const html = render("## 一、链接\n\n[指南](/policies/living-allowance-guide#s-1) 和 [国务院](https://www.gov.cn/)\n");
    expect(html).toContain('<a href="/policies/living-allowance-guide#s-1">指南</a>');
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener">国务院</a>');
  });

  it("drops links with a script protocol but keeps their text", () => {
    const html = render("## 一、链接\n\n[点我](javascript:alert(1))\n");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("点我");
  });
});

describe("plain-text rendering", () => {
  it("renders structure lines as anchored headings and other lines as paragraphs, without repeating the title", () => {
    const text = "关于某事\n的通知\n开头一段。\n一、总体情况\n正文<b>。\n（一）细项\n细项正文。\n";
    const html = renderPlainText(parsePlainTextStructure(text), { title: "关于某事的通知" });
    expect(html).toBe(
      "<p>开头一段。</p>\n" +
        '<h2 id="s-1">一、总体情况</h2>\n<p>正文&lt;b&gt;。</p>\n' +
        '<h3 id="s-1-1">（一）细项</h3>\n<p>细项正文。</p>\n',
    );
  });
});
