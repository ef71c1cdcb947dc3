import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwoConnections } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { requestDrafts, seedLending, submitDraft } from "./index.server";

/**
 * A double submit of one device-request draft (double click, back button, a second tab, two instances): every
 * submit answers with the same reference and exactly one request exists. Submits alternate between two connections
 * on PostgreSQL (two instances).
 */
const now = new Date("2026-11-26T02:00:00Z");
let a: Connection;
let b: Connection;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ a, b, close } = await createTwoConnections());
  await seedLending(a.db, now);
});
afterAll(async () => close());

describe("submitting a device-request draft", () => {
  it("eight parallel submits of one draft make one request, and every submit answers with its reference", async () => {
    const draft = await requestDrafts.start(a.db, { locale: "zh-CN", scope: "braille-display" }, now);
    await requestDrafts.save(a.db, draft.id, { name: "并发提交", phone: "13912340008", disability: "vision", certificate: null, purpose: "读书", pickupLocationId: "yuebei-centre" }, now);
    const filled = await requestDrafts.read(a.db, draft.id, { scope: "braille-display" });
    const references = await Promise.all(Array.from({ length: 8 }, (_, i) => submitDraft(i % 2 ? b.db : a.db, filled, now)));
    expect(new Set(references).size).toBe(1);
    const requests = await a.db.selectFrom("lending_requests").select("reference").where("name", "=", "并发提交").execute();
    expect(requests.map((r) => r.reference)).toEqual([references[0]]);
    expect((await requestDrafts.read(a.db, draft.id, { scope: "braille-display" })).requestReference).toBe(references[0]);
    // Later submits (the back button) still answer with the same reference and add nothing.
    expect(await submitDraft(b.db, filled, now)).toBe(references[0]);
    expect(await a.db.selectFrom("lending_requests").select("reference").where("name", "=", "并发提交").execute()).toHaveLength(1);
  });

  it("the request is made from the draft as it is when submitted, not from an older copy", async () => {
    const draft = await requestDrafts.start(a.db, { locale: "zh-CN", scope: "braille-display" }, now);
    await requestDrafts.save(a.db, draft.id, { name: "旧名字", phone: "13912340009", disability: "vision", certificate: null, purpose: "", pickupLocationId: "yuebei-centre" }, now);
    const stale = await requestDrafts.read(a.db, draft.id, { scope: "braille-display" });
    await requestDrafts.save(a.db, draft.id, { name: "新名字" }, now);
    const reference = await submitDraft(a.db, stale, now);
    const row = await a.db.selectFrom("lending_requests").select("name").where("reference", "=", reference).executeTakeFirstOrThrow();
    expect(row.name).toBe("新名字");
  });
});
