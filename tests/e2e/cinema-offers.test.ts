import { describe, expect, it } from "vitest";
import { bookSeats, getScreening, joinWaitingList, type BookingView } from "~/modules/cinema/index.server";
import { checkedFetch as fetch } from "../support/openapi-check";
import { consoleErrors, expectNoAxeViolations, tabTo, waitForHydration, waitForNewPage } from "./browser";
import { staffPassword } from "./global-setup";
import { offerPortal } from "./offer-portal";

/**
 * (axe runs in pages with JavaScript: it is a script.)
 * Issue 17, item 4: a cancelled booking's seats are held for the first person waiting, who is texted a link; on the
 * link's page they book the seats or turn them down, with the keyboard alone, with and without JavaScript. A portal
 * of its own, with PUBLIC_ORIGIN so the texts carry the link; messages are read from the outbox table.
 */
const offers = offerPortal("offers", { username: "offers-cinema", role: "cinema" });
const visitor = offers.visitor;

let screeningIndex = 0;
/** A full screening with `waiting` people on its list (parties of two; the second joined in English) and the booking whose cancellation frees two seats. */
async function fullScreening(waiting: number): Promise<{ screeningId: string; title: string; booking: BookingView; entries: string[] }> {
  const { screenings } = (await (await fetch(`${offers.portal.url}/api/v1/screenings`)).json()) as { screenings: Array<{ id: string; title: string }> };
  const screening = screenings[screeningIndex++];
  let left = (await getScreening(offers.conn.db, screening.id)).ordinarySeatsAvailable;
  while (left > 2) {
    const tickets = Math.min(4, left - 2);
    await bookSeats(offers.conn.db, { screeningId: screening.id, party: { tickets }, contact: { name: "预先订座", phone: "13700000000" }, locale: "zh-CN" });
    left -= tickets;
  }
  const booking = await bookSeats(offers.conn.db, { screeningId: screening.id, party: { tickets: 2 }, contact: { name: "退票人", phone: "13900001111" }, locale: "zh-CN" });
  const entries: string[] = [];
  // Each joins a millisecond after the one before: two joins in the same millisecond are simultaneous, and the list
  // orders them by reference (stable, but not the order this loop ran in), which once gave the offer to the second.
  const joinedFrom = Date.now();
  for (let i = 0; i < waiting; i++) {
    const entry = await joinWaitingList(
      offers.conn.db,
      {
        screeningId: screening.id,
        contact: { name: i === 1 ? "Li Na" : `候补观众${i + 1}`, phone: `1360000200${i}` },
        tickets: 2,
        locale: i === 1 ? "en" : "zh-CN",
      },
      new Date(joinedFrom + i),
    );
    entries.push(entry.id);
  }
  return { screeningId: screening.id, title: screening.title, booking, entries };
}

/** The person cancels on their booking's page without JavaScript, keyboard only (this frees the seats). */
async function cancelOnThePage(booking: BookingView) {
  const page = await visitor({ javaScriptEnabled: false });
  await page.goto(`/cinema/booking/${booking.reference}/${booking.accessToken}/cancel`);
  await tabTo(page, page.getByRole("button", { name: "是的，取消预订" }));
  await waitForNewPage(page, () => page.keyboard.press("Enter"));
}

/** The text queued for a waiting-list entry (the outbox), and the offer link in it as a path on this portal. */
const offerText = (entryId: string) => offers.offerText({ type: "cinema_waiting", id: entryId, template: "waitingOffer" });

describe("waiting-list offers in the browser", () => {
  it("the first person waiting gets a text with a link and books the held seats, keyboard only, without JavaScript", async () => {
    const { booking, entries, title } = await fullScreening(1);
    await cancelOnThePage(booking);
    const text = await offerText(entries[0]);
    expect(text.body).toContain(`《${title}》`);
    expect(text.body).toMatch(/第\d+排\d+号/);
    expect(text.body).toContain(entries[0]);
    expect(text.body).not.toContain("13600002000");
    expect(text.path).toMatch(new RegExp(`^/cinema/offer/${entries[0]}/[A-Za-z0-9_-]{22}$`));

    const page = await visitor({ javaScriptEnabled: false });
    await page.goto(text.path);
    await page.getByRole("heading", { level: 1, name: "为您保留的座位" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("保留到");
    await tabTo(page, page.getByRole("button", { name: "订这些座位" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    await page.getByRole("heading", { level: 1, name: "预订成功" }).waitFor();
    const said = await page.getByRole("paragraph").filter({ hasText: "您的预订号是" }).textContent();
    const reference = said!.match(/DY-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
    const made = await offers.conn.db.selectFrom("cinema_bookings").select(["name", "tickets", "status"]).where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(made).toMatchObject({ name: "候补观众1", tickets: 2, status: "confirmed" });

    // The link again: the booking's own page, not a second booking.
    await page.goto(text.path);
    expect(page.url()).toContain(`/cinema/booking/${reference}/`);
  });

  it("turning the seats down with JavaScript passes them to the next person, who books them in English; staff see the chain", async () => {
    const { booking, entries, screeningId } = await fullScreening(2);
    await cancelOnThePage(booking);
    const first = await offerText(entries[0]);

    const page = await visitor();
    await page.goto(first.path);
    await waitForHydration(page);
    await expectNoAxeViolations(page, "offer page");
    await tabTo(page, page.getByRole("button", { name: "不要了，让给下一位" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "您已放弃这些座位" }).waitFor();
    await expectNoAxeViolations(page, "offer declined");
    expect(consoleErrors(page)).toEqual([]);

    // The second person joined in English: their text and link are in English.
    const second = await offerText(entries[1]);
    expect(second.body).toContain("held for you until");
    expect(second.path).toMatch(/^\/en\/cinema\/offer\//);
    const english = await visitor({ locale: "en" });
    await english.goto(second.path);
    await waitForHydration(english);
    await english.getByRole("heading", { level: 1, name: "Seats held for you" }).waitFor();
    await expectNoAxeViolations(english, "offer page in English");
    await tabTo(english, english.getByRole("button", { name: "Book these seats" }));
    await english.keyboard.press("Enter");
    await english.getByRole("heading", { level: 1, name: "Booking confirmed" }).waitFor();
    expect(consoleErrors(english)).toEqual([]);

    // The first link now says it was turned down; booking from it is no longer offered.
    await page.goto(first.path);
    await page.getByRole("heading", { level: 1, name: "您已放弃这些座位" }).waitFor();
    expect(await page.getByRole("button", { name: "订这些座位" }).count()).toBe(0);

    // Staff see who was offered when and what came of it.
    const staff = await offers.context();
    const login = await staff.request.post("/login", { form: { username: "offers-cinema", password: staffPassword }, maxRedirects: 0 });
    expect(login.status()).toBe(302);
    const desk = await staff.newPage();
    await desk.goto(`/admin/cinema/${screeningId}/waiting-list`);
    await waitForHydration(desk);
    const chain = desk.getByRole("table", { name: /座位保留/ });
    const rows = chain.getByRole("row");
    expect(await rows.filter({ has: desk.getByRole("rowheader", { name: entries[0] }) }).textContent()).toContain("已放弃");
    expect(await rows.filter({ has: desk.getByRole("rowheader", { name: entries[1] }) }).textContent()).toContain("已订座，预订号 DY-");
    await expectNoAxeViolations(desk, "staff waiting list with the offer chain");
  });

  it("booking after the offer ran out is refused in the error summary, and the page says the seats went on", async () => {
    const { booking, entries } = await fullScreening(1);
    await cancelOnThePage(booking);
    const text = await offerText(entries[0]);
    const page = await visitor({ javaScriptEnabled: false });
    await page.goto(text.path);
    await page.getByRole("heading", { level: 1, name: "为您保留的座位" }).waitFor();
    // The time runs out while the page is open.
    await offers.conn.db.updateTable("cinema_waiting_offers").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("entry_id", "=", entries[0]).execute();
    await tabTo(page, page.getByRole("button", { name: "订这些座位" }));
    await waitForNewPage(page, () => page.keyboard.press("Enter"));
    const summary = page.getByRole("group", { name: "提交前请修改以下问题" });
    expect(await summary.textContent()).toContain("保留时间已过，座位已留给下一位候补的观众，不能再订。");
    await page.getByRole("heading", { level: 1, name: "保留时间已过" }).waitFor();
    expect(await page.getByRole("button", { name: "订这些座位" }).count()).toBe(0);
    expect(await offers.conn.db.selectFrom("cinema_bookings").select("reference").where("name", "=", "候补观众1").where("screening_id", "=", booking.screeningId).execute()).toEqual([]);
  });
});
