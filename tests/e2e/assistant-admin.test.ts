import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, expectNoAxeViolations, launchBrowser, newContext } from "./browser";
import { signInContext } from "./staff";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const chat = (question: string, locale = "zh-CN") =>
  fetch(`${baseURL()}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question, locale }) });

describe("the staff page of unanswered questions", () => {
  it("shows refused questions masked in any spelling, as draft cases to copy and as CSV / JSONL downloads, in both languages", async () => {
    const refused = await chat("我手机１３７ ０７６３ ４４５５，给我讲个笑话吧");
    expect((await refused.json()).grounded).toBe(false);

    const context = await newContext(browser);
    await signInContext(context, "content");
    const page = await context.newPage();
    await page.goto("/admin/assistant");
    const row = page.getByRole("row").filter({ hasText: "给我讲个笑话吧" });
    expect(await row.textContent()).toContain("137****4455");
    expect(await page.content()).not.toMatch(/１３７|0763 ?4455|13707634455/);
    const drafts = await page.getByRole("textbox", { name: "本页问题的用例草稿（JSONL，每行一条）" }).inputValue();
    const draft = drafts.split("\n").map((l) => JSON.parse(l)).find((d) => d.q.includes("给我讲个笑话吧"));
    expect(draft).toMatchObject({ category: "offtopic", expect: "refuse", q: "我手机137****4455，给我讲个笑话吧" });
    await expectNoAxeViolations(page, "/admin/assistant with questions");

    const csvHref = await page.getByRole("link", { name: /下载 CSV/ }).getAttribute("href");
    const csv = await context.request.get(csvHref!);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const csvText = await csv.text();
    expect(csvText).toContain("问题（已隐去个人号码）");
    expect(csvText).toContain("137****4455");
    expect(csvText).not.toMatch(/１３７|13707634455/);
    const jsonl = await context.request.get((await page.getByRole("link", { name: /下载 JSONL/ }).getAttribute("href"))!);
    expect((await jsonl.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l).q)).toContain("我手机137****4455，给我讲个笑话吧");
    expect((await context.request.get("/admin/assistant/export/xlsx")).status()).toBe(404);

    await page.goto("/en/admin/assistant");
    await page.getByRole("heading", { level: 2, name: /evaluation cases/ }).waitFor();
    expect(await page.getByRole("link", { name: /Download as CSV/ }).getAttribute("href")).toMatch(/^\/en\/admin\/assistant\/export\/csv\?filter=no_answer$/);
    await expectNoAxeViolations(page, "/en/admin/assistant with questions");
    await context.close();
  });
});
