import { describe, expect, it } from "vitest";
import { serverRendered } from "../../tests/support/component";
import { LangText } from "./LangText";

/** A screen reader reads each part in its own language's voice: parts not in the page's language carry `lang`. */
describe("LangText", () => {
  it("on an English page marks the Chinese words with lang=zh-CN and leaves the English unmarked", () => {
    const root = serverRendered(<p>
      <LangText text="See the guide 残疾人证办事指南 for the steps." />
    </p>, "en");
    const marked = [...root.querySelectorAll("[lang]")].map((e) => [e.getAttribute("lang"), e.textContent]);
    expect(marked).toEqual([["zh-CN", "残疾人证办事指南"]]);
    expect(root.textContent).toBe("See the guide 残疾人证办事指南 for the steps.");
  });

  it("on a Chinese page marks the English word with lang=en; text all in the page's language has no marks", () => {
    const zh = serverRendered(<p><LangText text="下载App办理" /></p>);
    expect([...zh.querySelectorAll("[lang]")].map((e) => [e.getAttribute("lang"), e.textContent])).toEqual([["en", "App"]]);
    expect(serverRendered(<p><LangText text="第2条 申请条件" /></p>).querySelectorAll("[lang]")).toHaveLength(0);
  });
});
