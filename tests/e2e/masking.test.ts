import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { asciiDigits } from "~/modules/privacy/numbers";
import { launchBrowser, newContext, tabTo, waitForHydration } from "./browser";
import { signInContext } from "./staff";

/**
 * "不会显示或保存原号码": numbers typed the way people type them (full-width digits, spaces, a lowercase x) into
 * the assistant's question and the feedback message are neither shown nor stored in clear (issue 12, item 4).
 */
let browser: Browser;
let conn: Connection;
beforeAll(async () => {
  browser = await launchBrowser();
  conn = openDatabase(inject("databaseUrl"));
});
afterAll(async () => {
  await browser?.close();
  await conn?.db.destroy();
});

const numbers = "手机 １３８ １２３４ ５６７８，残疾证号 ４４１８０２ １９９００１０１ １２３ｘ １１";
const inClear = ["13812345678", "44180219900101123"];
const expectNoneInClear = (text: string) => {
  for (const number of inClear) expect(asciiDigits(text)).not.toContain(number);
};

async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, page.getByRole("textbox", { name }), 80);
  await page.keyboard.type(text);
}

describe("personal numbers typed in any spelling", () => {
  it.each([false, true])("the assistant neither shows nor stores them (JavaScript %s)", async (javaScriptEnabled) => {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/assistant");
    if (javaScriptEnabled) await waitForHydration(page);
    // A word no other test asks, to find this question among the shared server's stored ones.
    const marker = Array.from({ length: 8 }, () => "abcdefghjkmnpqrstuvwxyz"[Math.floor(Math.random() * 23)]).join("");
    const question = `轮椅怎么借？${marker} ${javaScriptEnabled ? "我的" : "本人"}${numbers}`;
    await typeInto(page, "您的问题", question);
    await tabTo(page, page.getByRole("button", { name: "提问" }), 5);
    await Promise.all([javaScriptEnabled ? page.waitForResponse((r) => r.request().method() === "POST") : page.waitForNavigation(), page.keyboard.press("Enter")]);
    const answer = page.getByRole("log", { name: "问答记录" }).getByRole("article").last();
    await answer.waitFor();
    expect(await answer.textContent()).toContain("不会显示或保存原号码");
    expectNoneInClear(await page.locator("body").innerText());
    expectNoneInClear(await page.content());

    const stored = await conn.db.selectFrom("chat_questions").select("question").where("question", "like", `%${marker}%`).execute();
    expect(stored).toHaveLength(1);
    expectNoneInClear(stored[0].question);
    expect(stored[0].question).toContain("138****5678");
    expect(stored[0].question).toContain("****************3X11");
    await context.close();
  });

  it("a feedback message is stored masked and staff see it masked", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/feedback");
    await page.getByRole("radio", { name: "意见或建议" }).check();
    await typeInto(page, "您的留言", `请回电。\n${numbers}`);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "提交留言" }).click()]);
    const reference = (await page.locator(".reference").textContent())!;

    const stored = await conn.db.selectFrom("feedback").select("message").where("reference", "=", reference).executeTakeFirstOrThrow();
    expectNoneInClear(stored.message);
    expect(stored.message).toBe("请回电。\n手机 138****5678，残疾证号 ****************3X11");

    const staff = await newContext(browser, { javaScriptEnabled: false });
    await signInContext(staff, "content");
    const inbox = await staff.newPage();
    await inbox.goto(`/admin/feedback/${reference}`);
    const shown = await inbox.locator(".message-text").innerText();
    expect(shown).toBe(stored.message);
    expectNoneInClear(await inbox.content());
    await staff.close();
    await context.close();
  });
});
