import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDatabaseUrl } from "../../../tests/support/test-db";
import { migrateToLatest, openDatabase, type Connection } from "../db/index.server";
import { allAudit } from "../staff/audit.server";
import { maskClientAddress } from "./client-address";
import { guardLookup, lookupGuardSettings, systemActor, type LookupOutcome } from "./lookup-guard.server";

class NoMatch extends Error {}
const isNoMatch = (e: unknown) => e instanceof NoMatch;

/** A stand-in for findBooking: the right phone finds the record, anything else is refused like an unknown reference. */
function finder(records: Record<string, string>) {
  let calls = 0;
  const find = (reference: string, phone: string) => async () => {
    calls++;
    if (records[reference] !== phone) throw new NoMatch();
    return { reference };
  };
  return { find, calls: () => calls };
}

const start = Date.UTC(2026, 11, 1, 2, 0, 0);
const at = (ms: number) => new Date(start + ms);
const minutes = 60_000;

describe("lookup guard", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
  });
  afterAll(async () => conn.db.destroy());

  const records = { "DY-AAAA-AAAA": "13900001111", "DY-BBBB-BBBB": "13900002222", "DY-CCCC-CCCC": "13900003333", "DY-DDDD-DDDD": "13900004444" };
  const { find } = finder(records);
  const look = (reference: string, phone: string, now: Date, client = "203.0.113.7", limitPerMinute = 0): Promise<LookupOutcome<{ reference: string }>> =>
    guardLookup(conn.db, { kind: "booking", reference, client, now, limitPerMinute }, find(reference.toUpperCase(), phone), isNoMatch);

  it("locks a reference after five wrong phones: the right phone is refused too, until the lock ends; the lock is audited", async () => {
    const ref = "DY-AAAA-AAAA";
    for (let i = 0; i < lookupGuardSettings.wrongPhonesBeforeLock; i++) {
      expect(await look(ref, `1390000900${i}`, at(i * 1000))).toEqual({ status: "notFound" });
    }
    const refused = await look(ref, records[ref], at(10_000));
    expect(refused).toMatchObject({ status: "refused", reason: "locked" });
    // Locked 15 minutes from the fifth wrong phone.
    expect(refused.status === "refused" && refused.retryAfterSeconds).toBe(15 * 60 - 6);
    // Lower case and spaces name the same reference.
    expect(await look(" dy-aaaa-aaaa ", records[ref], at(11_000))).toMatchObject({ status: "refused", reason: "locked" });
    expect(await look(ref, records[ref], at(4_000 + 15 * minutes + 1))).toEqual({ status: "found", value: { reference: ref } });

    const entries = (await allAudit(conn.db)).filter((e) => e.action === "lookup.locked");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ username: systemActor, user_id: null, target_type: "booking", target_id: ref });
    expect(entries[0].detail).toContain("client 203.0.113.x");
    expect(entries[0].detail).not.toMatch(/1390000\d{4}|203\.0\.113\.7/);
  });

  it("answers an unknown reference exactly like a wrong phone, lock included", async () => {
    const unknown = "DY-ZZZZ-ZZZZ";
    const known = "DY-BBBB-BBBB";
    const answers = { unknown: [] as unknown[], known: [] as unknown[] };
    for (let i = 0; i < 7; i++) {
      answers.unknown.push(await look(unknown, records[known], at(i * 1000)));
      answers.known.push(await look(known, "13900009999", at(i * 1000)));
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known.slice(5)).toMatchObject([{ reason: "locked" }, { reason: "locked" }]);
  });

  it("doubles the lock each time in a row, and forgets strikes a day after the last lock ended", async () => {
    const ref = "DY-CCCC-CCCC";
    let t = 0;
    const wrongFive = async () => {
      for (let i = 0; i < 5; i++) expect((await look(ref, "13900009999", at((t += 1000)))).status).toBe("notFound");
    };
    const lockLength = async () => {
      const r = await look(ref, records[ref], at(t));
      return r.status === "refused" ? Math.round(r.retryAfterSeconds / 60) : 0;
    };
    await wrongFive();
    expect(await lockLength()).toBe(15);
    t += 15 * minutes;
    await wrongFive();
    expect(await lockLength()).toBe(30);
    t += 30 * minutes;
    await wrongFive();
    expect(await lockLength()).toBe(60);
    t += 60 * minutes + 24 * 60 * minutes + 1000;
    await wrongFive();
    expect(await lockLength()).toBe(15);
  });

  it("forgets wrong phones after an hour without lookups; a right phone does not wipe earlier wrong ones", async () => {
    const ref = "DY-DDDD-DDDD";
    for (let i = 0; i < 4; i++) await look(ref, "13900009999", at(i * 1000));
    for (let i = 0; i < 4; i++) await look(ref, "13900009999", at(61 * minutes + i * 1000));
    expect((await look(ref, records[ref], at(62 * minutes))).status).toBe("found");
    // 4 wrong within the hour, a right one, then the fifth wrong one locks.
    expect((await look(ref, "13900009999", at(63 * minutes))).status).toBe("notFound");
    expect(await look(ref, records[ref], at(63 * minutes + 1000))).toMatchObject({ status: "refused", reason: "locked" });
  });

  it("lets at most five of fifty parallel guesses reach the check, and ends locked", async () => {
    const { find: countingFind, calls } = finder({ "DY-EEEE-EEEE": "13900005555" });
    const now = at(0);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        guardLookup(conn.db, { kind: "loanRequest", reference: "DY-EEEE-EEEE", client: `198.51.100.${i}`, now, limitPerMinute: 0 }, countingFind("DY-EEEE-EEEE", `1380000${String(i).padStart(4, "0")}`), isNoMatch),
      ),
    );
    expect(calls()).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === "notFound")).toHaveLength(calls());
    expect(answers.filter((a) => a.status === "refused" && a.reason === "locked")).toHaveLength(50 - calls());
    const after = await guardLookup(conn.db, { kind: "loanRequest", reference: "DY-EEEE-EEEE", client: "192.0.2.1", now: at(1000), limitPerMinute: 0 }, countingFind("DY-EEEE-EEEE", "13900005555"), isNoMatch);
    expect(after).toMatchObject({ status: "refused", reason: "locked" });
  });

  it("throttles per client and per reference each minute; RATE_LIMIT_PER_MINUTE=0 turns only that off", async () => {
    const ref = "DY-FFFF-FFFF";
    const { find: f } = finder({ [ref]: "13900006666" });
    const go = (client: string, reference: string, now: Date, limitPerMinute: number) =>
      guardLookup(conn.db, { kind: "signup", reference, client, now, limitPerMinute }, f(reference, "13900006666"), isNoMatch);
    const now = at(0);
    for (let i = 0; i < 3; i++) expect((await go("192.0.2.50", ref, now, 3)).status).toBe("found");
    expect(await go("192.0.2.50", "DY-OTHER-REF1", now, 3)).toMatchObject({ status: "refused", reason: "rateLimited" });
    // Other clients still reach other references, but this reference has had its three lookups this minute.
    expect(await go("192.0.2.51", ref, now, 3)).toMatchObject({ status: "refused", reason: "rateLimited" });
    expect((await go("192.0.2.51", "DY-OTHER-REF2", now, 3)).status).toBe("notFound");
    expect((await go("192.0.2.50", ref, at(60_000), 3)).status).toBe("found");
    for (let i = 0; i < 30; i++) expect((await go("192.0.2.52", ref, at(120_000), 0)).status).toBe("found");
  });

  it("does not count references that cannot exist, nor errors that are not a mismatch", async () => {
    const odd = "DY-" + "A".repeat(200);
    for (let i = 0; i < 10; i++) expect(await look(odd, "13900001111", at(i))).toEqual({ status: "notFound" });
    expect(await conn.db.selectFrom("lookup_guards").select("key").where("key", "like", "%AAAAAAAAAAAAAAAAAAAA%").execute()).toEqual([]);
    const broken = () => Promise.reject(new Error("database unreachable"));
    for (let i = 0; i < 6; i++) {
      await expect(guardLookup(conn.db, { kind: "booking", reference: "DY-GGGG-GGGG", client: "x", now: at(i), limitPerMinute: 0 }, broken, isNoMatch)).rejects.toThrow(/unreachable/);
    }
    const row = await conn.db.selectFrom("lookup_guards").selectAll().where("key", "=", "booking:DY-GGGG-GGGG").executeTakeFirstOrThrow();
    expect({ failures: Number(row.failures), pending: Number(row.pending), locked: row.locked_until }).toEqual({ failures: 0, pending: 0, locked: null });
  });
});

describe("lookup guard across instances", () => {
  it("a lock made through one connection holds on another", async () => {
    const url = await testDatabaseUrl();
    const a = openDatabase(url);
    const b = openDatabase(url);
    try {
      await migrateToLatest(a.db);
      const { find } = finder({ "DY-HHHH-HHHH": "13900007777" });
      const on = (c: Connection, phone: string, i: number) =>
        guardLookup(c.db, { kind: "booking", reference: "DY-HHHH-HHHH", client: "203.0.113.9", now: at(i * 1000), limitPerMinute: 0 }, find("DY-HHHH-HHHH", phone), isNoMatch);
      for (let i = 0; i < 5; i++) expect((await on(i % 2 ? a : b, "13900000000", i)).status).toBe("notFound");
      expect(await on(a, "13900007777", 6)).toMatchObject({ reason: "locked" });
      expect(await on(b, "13900007777", 6)).toMatchObject({ reason: "locked" });
    } finally {
      await a.db.destroy();
      await b.db.destroy();
    }
  });
});

describe("client addresses in the audit log", () => {
  it("keep the network, not the host", () => {
    expect(maskClientAddress("203.0.113.7")).toBe("203.0.113.x");
    expect(maskClientAddress("::ffff:198.51.100.23")).toBe("198.51.100.x");
    expect(maskClientAddress("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3::/48");
    expect(maskClientAddress("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(maskClientAddress("local")).toBe("local");
    expect(maskClientAddress("<script>")).toBe("?");
  });
});
