import { spawnSync } from "node:child_process";
import type { Kysely } from "kysely";
import { getScreening } from "~/modules/cinema/index.server";
import type { Database } from "~/modules/db/index.server";
import { createRequest, decideRequest } from "~/modules/lending/index.server";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (openapi-check.ts).
import { checkedFetch as fetch } from "./openapi-check";

/**
 * The race tests run against every way the portal is deployed: two instances on PostgreSQL or SQLite, and the
 * workers of one `npm start` (tests/e2e/multi-instance.test.ts, multi-worker.test.ts). Requests go round-robin to
 * the given base URLs (one URL for workers: the cluster spreads them).
 */

/** 200 parallel one-ticket bookings for the last 20 ordinary seats of the last screening, through the API. */
export async function bookLastSeatsAtOnce(urls: string[], db: Kysely<Database>, last = 20, parallel = 200) {
  const { screenings } = await (await fetch(`${urls[0]}/api/v1/screenings`)).json();
  const target = screenings[screenings.length - 1];
  const post = (i: number, body: object) =>
    fetch(`${urls[i % urls.length]}/api/v1/screenings/${target.id}/bookings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  let left = (await getScreening(db, target.id)).ordinarySeatsAvailable;
  for (let i = 0; left > last; i++) {
    const tickets = Math.min(4, left - last);
    const res = await post(i, { name: "预先订座", phone: "13700000000", tickets });
    if (res.status !== 201) throw new Error(`filling the screening: ${res.status} ${await res.text()}`);
    left -= tickets;
  }
  const answers = await Promise.all(Array.from({ length: parallel }, (_, i) => post(i, { name: `观众${i}`, phone: "13700000001", tickets: 1 })));
  const created = answers.filter((r) => r.status === 201);
  const bodies: Array<{ reference: string; seats: string[] }> = await Promise.all(created.map((r) => r.json()));
  const seats = bodies.flatMap((body) => body.seats);
  return {
    screeningId: target.id as string,
    created: created.length,
    references: bodies.map((body) => body.reference),
    conflicts: answers.filter((r) => r.status === 409).length,
    otherStatuses: answers.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status),
    distinctSeats: new Set(seats).size,
    leftAfter: (await getScreening(db, target.id)).ordinarySeatsAvailable,
  };
}

/** A staff account made with the real admin CLI, signed in on the portal: its session cookie. */
export async function staffCookie(url: string, env: Record<string, string>, username: string, role: string): Promise<string> {
  const password = "a long race-test password";
  const made = spawnSync("node_modules/.bin/tsx", ["scripts/admin.ts", "create-user", username, "--role", role], {
    env: { ...process.env, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1", ...env },
    input: `${password}\n`,
    encoding: "utf8",
  });
  if (made.status !== 0) throw new Error(made.stderr);
  const login = await fetch(`${url}/login`, { method: "POST", body: new URLSearchParams({ username, password }), redirect: "manual" });
  if (login.status !== 302) throw new Error(`login ${login.status}`);
  return login.headers.get("set-cookie")!.split(";")[0];
}

/**
 * `staff` staff members each lending the same last unit of a device type to their own approved request at once,
 * through the staff console's check-out form: how many check-outs went through, and how many loans the unit has.
 */
export async function lendLastUnitAtOnce(urls: string[], db: Kysely<Database>, cookie: string, staff = 12) {
  const typeId = "braille-display";
  const units = await db.selectFrom("lending_units").select(["id"]).where("type_id", "=", typeId).where("status", "=", "available").execute();
  for (const u of units.slice(1)) await db.updateTable("lending_units").set({ status: "repair" }).where("id", "=", u.id).execute();
  const unitId = units[0]!.id;
  const references: string[] = [];
  for (let i = 0; i < staff; i++) {
    const { reference } = await createRequest(db, { typeId, name: `申请人${i}`, phone: "13800000000", disability: "physical", locale: "zh-CN", source: "web" });
    await decideRequest(db, { id: null, username: "race-lead" }, reference, { decision: "approve" });
    references.push(reference);
  }
  const answers = await Promise.all(
    references.map((reference, i) =>
      fetch(`${urls[i % urls.length]}/admin/devices/requests/${reference}`, {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "checkout", unitId, condition: "good" }),
        redirect: "manual",
      }),
    ),
  );
  const loans = await db.selectFrom("lending_loans").select("request_reference").where("unit_id", "=", unitId).execute();
  return {
    checkedOut: answers.filter((r) => r.status === 302).length,
    refused: answers.filter((r) => r.status === 409).length,
    otherStatuses: answers.filter((r) => r.status !== 302 && r.status !== 409).map((r) => r.status),
    loans: loans.length,
  };
}
