import { describe, expect, it } from "vitest";
import { createActivity, signUp } from "~/modules/centre/index.server";
import { activityInput } from "../support/activity-input";
import { consoleErrors, expectNoAxeViolations, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { staffPassword } from "./global-setup";
import { offerPortal } from "./offer-portal";

/**
 * (axe runs in pages with JavaScript: it is a script.)
 * Issue 17, item 4, for activities: a withdrawn sign-up's place is held for the first person waiting, who is texted a
 * link; on the link's page they take the place or give it up, with the keyboard alone, with and without JavaScript.
 * A portal of its own, with PUBLIC_ORIGIN so the texts carry the link; messages are read from the outbox table.
 */
const offers = offerPortal("activity-offers", { username: "offers-content", role: "content" });
const visitor = offers.visitor;

let phones = 0;
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** A published activity next week with its one place taken and `waiting` people on its list (the second signed up in English). */
async function fullActivity(waiting: number) {
  const conn = offers.conn;
  const id = await createActivity(
    conn.db,
    { id: null, username: "e2e" },
    activityInput({ capacity: 1, waitlistSize: waiting, startsAt: days(7), signupOpensAt: days(-1), signupClosesAt: days(6) }),
  );
  const holderPhone = `1350000${String(3000 + phones++)}`;
  const holder = await signUp(conn.db, id, { name: "有名额", phone: holderPhone, needs: [], locale: "zh-CN" });
  const entries: Array<{ reference: string; phone: string }> = [];
  // Each signs up a millisecond after the one before, so the list's order is the order of this loop.
  const from = Date.now();
  for (let i = 0; i < waiting; i++) {
    const phone = `1350000${String(3000 + phones++)}`;
    const made = await signUp(conn.db, id, { name: i === 1 ? "Li Na" : `候补${i + 1}`, phone, needs: [], locale: i === 1 ? "en" : "zh-CN" }, new Date(from + i));
    entries.push({ reference: made.reference, phone });
  }
  return { id, holder: { reference: holder.reference, phone: holderPhone }, entries };
}

/** The person withdraws on the withdrawal page without JavaScript, keyboard only (this frees the place). */
async function withdrawOnThePage(signup: { reference: string; phone: string }) {
  const page = await visitor({ javaScriptEnabled: false });
  await page.goto(`/withdraw/activity-signup?reference=${signup.reference}`);
  await tabTo(page, page.getByRole("textbox", { name: "您填写的手机号码" }));
  await page.keyboard.type(signup.phone);
  await tabTo(page, page.getByRole("button", { name: "继续" }), 5);
  await waitForNewPage(page, () => page.keyboard.press("Enter"));
  await page.getByRole("heading", { level: 1, name: `确定撤回 ${signup.reference} 吗？` }).waitFor();
  await tabTo(page, page.getByRole("button", { name: "确定撤回" }));
  await waitForNewPage(page, () => page.keyboard.press("Enter"));
  await page.getByRole("heading", { level: 1, name: `${signup.reference} 已撤回` }).waitFor();
}

/** The offer text queued for a sign-up, and the link in it as a path on this portal. */
const offerText = (reference: string) => offers.offerText({ type: "activity_signup", id: reference, template: "activityOffer" });

const statusOf = async (reference: string) => (await offers.conn.db.selectFrom("centre_signups").select("status").where("reference", "=", reference).executeTakeFirstOrThrow()).status;

describe("activity-place offers in the browser", () => {
  it("the first person waiting gets a text with a link and takes the place, keyboard only, without JavaScript", async () => {
    const { holder, entries } = await fullActivity(1);
    await withdrawOnThePage(holder);
    const text = await offerText(entries[0].reference);
    expect(text.body).toContain("读屏软件培训");
    expect(text.body).toContain("保留到");
    expect(text.body).toContain(entries[0].reference);
    expect(text.body).not.toContain(entries[0].phone);
    expect(text.path).toMatch(new RegExp(`^/activities/offer/${entries[0].reference}/[A-Za-z0-9_-]{22}$`));

    // Looking the sign-up up says the place is held for them, and until when.
    const lookup = await visitor({ javaScriptEnabled: false });
    await lookup.goto("/activities/signup");
    await tabTo(lookup, lookup.getByRole("textbox", { name: "编号" }));
    await lookup.keyboard.type(entries[0].reference);
    await tabTo(lookup, lookup.getByRole("textbox", { name: "手机号码" }), 5);
    await lookup.keyboard.type(entries[0].phone);
    await tabTo(lookup, lookup.getByRole("button", { name: "查询" }), 5);
    await waitForNewPage(lookup, () => lookup.keyboard.press("Enter"));
    await lookup.getByRole("heading", { level: 2, name: `报名 ${entries[0].reference}` }).waitFor();
    expect(await lookup.locator("main").textContent()).toContain("已保留名额，等待答复");
    expect(await lookup.locator("main").textContent()).toContain("已为您保留名额，保留到");

    const page = await visitor({ javaScriptEnabled: false });
    const response = await page.goto(text.path);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await page.getByRole("heading", { level: 1, name: "为您保留的名额" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("保留到");
    await tabTo(page, page.getByRole("button", { name: "接受这个名额" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await page.getByRole("heading", { level: 1, name: "名额是您的了" }).waitFor();
    expect(await statusOf(entries[0].reference)).toBe("confirmed");
    expect(await page.getByRole("button", { name: "接受这个名额" }).count()).toBe(0);

    // A wrong token is answered like an unknown reference.
    const wrong = await page.goto(text.path.replace(/[^/]+$/, "x".repeat(22)));
    const unknown = await page.goto(text.path.replace(entries[0].reference, "HD-AAAA-AAAA"));
    expect([wrong?.status(), unknown?.status()]).toEqual([404, 404]);
  });

  it("giving the place up with JavaScript offers it to the next person, who takes it in English; staff see the chain", async () => {
    const { id, holder, entries } = await fullActivity(2);
    await withdrawOnThePage(holder);
    const first = await offerText(entries[0].reference);

    const page = await visitor();
    await page.goto(first.path);
    await waitForHydration(page);
    await expectNoAxeViolations(page, "offer page");
    await tabTo(page, page.getByRole("button", { name: "不要了，让给下一位" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "您已放弃这个名额" }).waitFor();
    await expectNoAxeViolations(page, "offer declined");
    expect(consoleErrors(page)).toEqual([]);

    // The second person signed up in English: their text and link are in English.
    const second = await offerText(entries[1].reference);
    expect(second.body).toContain("held for you until");
    expect(second.path).toMatch(/^\/en\/activities\/offer\//);
    const english = await visitor({ locale: "en" });
    await english.goto(second.path);
    await waitForHydration(english);
    await english.getByRole("heading", { level: 1, name: "A place held for you" }).waitFor();
    await expectNoAxeViolations(english, "offer page in English");
    await tabTo(english, english.getByRole("button", { name: "Take this place" }));
    await english.keyboard.press("Enter");
    await english.getByRole("heading", { level: 1, name: "The place is yours" }).waitFor();
    expect(consoleErrors(english)).toEqual([]);
    expect(await statusOf(entries[1].reference)).toBe("confirmed");

    // The first link now says the place was given up; taking it is no longer offered.
    await page.goto(first.path);
    await page.getByRole("heading", { level: 1, name: "您已放弃这个名额" }).waitFor();
    expect(await page.getByRole("button", { name: "接受这个名额" }).count()).toBe(0);

    // Staff see who was offered when, until when and what came of it, phones partly hidden.
    const staff = await offers.context();
    const login = await staff.request.post("/login", { form: { username: "offers-content", password: staffPassword }, maxRedirects: 0 });
    expect(login.status()).toBe(302);
    const desk = await staff.newPage();
    await desk.goto(`/admin/activities/${id}`);
    await waitForHydration(desk);
    const chain = desk.getByRole("table", { name: /名额保留/ });
    const rows = chain.getByRole("row");
    const firstRow = await rows.filter({ has: desk.getByRole("rowheader", { name: entries[0].reference }) }).textContent();
    expect(firstRow).toContain("已放弃");
    expect(firstRow).toContain(`${entries[0].phone.slice(0, 3)}****${entries[0].phone.slice(-4)}`);
    expect(firstRow).not.toContain(entries[0].phone);
    expect(await rows.filter({ has: desk.getByRole("rowheader", { name: entries[1].reference }) }).textContent()).toContain("已接受");
    await expectNoAxeViolations(desk, "staff activity page with the offer chain");
  });

  it("taking the place after the offer ran out is refused in the error summary, and the page says it went on", async () => {
    const { holder, entries } = await fullActivity(1);
    await withdrawOnThePage(holder);
    const text = await offerText(entries[0].reference);
    const page = await visitor({ javaScriptEnabled: false });
    await page.goto(text.path);
    await page.getByRole("heading", { level: 1, name: "为您保留的名额" }).waitFor();
    // The time runs out while the page is open.
    await offers.conn.db.updateTable("centre_activity_offers").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("signup_reference", "=", entries[0].reference).execute();
    await tabTo(page, page.getByRole("button", { name: "接受这个名额" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
    expect(await summary.textContent()).toContain("保留时间已过，名额已留给下一位候补的人，不能再接受。");
    await page.getByRole("heading", { level: 1, name: "保留时间已过" }).waitFor();
    expect(await page.getByRole("button", { name: "接受这个名额" }).count()).toBe(0);
    expect(await statusOf(entries[0].reference)).not.toBe("confirmed");
  });
});
