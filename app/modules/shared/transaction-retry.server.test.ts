import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import { Busy as CinemaBusy, SoldOut } from "../cinema/errors";
import { inTransaction } from "../lending/ledger.server";
import { Busy as LendingBusy } from "../lending/errors";
import { retryTransaction } from "./transaction-retry.server";

let conn: Connection;

beforeAll(async () => {
  conn = await createTestDb();
  await sql`CREATE TABLE retry_probe (id varchar(20) PRIMARY KEY)`.execute(conn.db);
  await sql`INSERT INTO retry_probe (id) VALUES ('taken')`.execute(conn.db);
});
afterAll(async () => {
  await conn.db.destroy();
});

const ids = async () => (await sql<{ id: string }>`SELECT id FROM retry_probe ORDER BY id`.execute(conn.db)).rows.map((r) => r.id);
const insert = (trx: Parameters<Parameters<typeof inTransaction>[1]>[0], id: string) => sql`INSERT INTO retry_probe (id) VALUES (${id})`.execute(trx);
const busyError = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
const throwCinemaBusy = (): never => {
  throw new CinemaBusy();
};

describe("retryTransaction", () => {
  it("rolls a lost race on a unique key back and runs the whole transaction again", async () => {
    let attempts = 0;
    const result = await retryTransaction(conn.db, { onBusy: throwCinemaBusy }, async (trx) => {
      attempts++;
      await insert(trx, `first-${attempts}`);
      // The first attempt loses the key to the row that is already there; the second takes another.
      await insert(trx, attempts === 1 ? "taken" : "won");
      return attempts;
    });
    expect(result).toBe(2);
    // Nothing of the lost attempt stays: its first insert was rolled back with it.
    expect(await ids()).toEqual(["first-2", "taken", "won"]);
  });

  it("retries when the database is busy, and takes the lock first in every attempt", async () => {
    const steps: string[] = [];
    let attempts = 0;
    const result = await retryTransaction(
      conn.db,
      {
        onBusy: throwCinemaBusy,
        lock: async () => {
          steps.push("lock");
        },
      },
      async () => {
        steps.push("work");
        if (++attempts < 3) throw busyError();
        return "done";
      },
    );
    expect(result).toBe("done");
    expect(steps).toEqual(["lock", "work", "lock", "work", "lock", "work"]);
  });

  it("gives up with the module's Busy when the database stays busy", async () => {
    let attempts = 0;
    const giveUp = retryTransaction(conn.db, { onBusy: throwCinemaBusy, onGiveUp: () => Promise.reject(new SoldOut(0)), maxAttempts: 4 }, async () => {
      attempts++;
      throw busyError();
    });
    await expect(giveUp).rejects.toBeInstanceOf(CinemaBusy);
    expect(attempts).toBe(4);
  });

  it("tells a claim that lost every race what onGiveUp says (SoldOut), and anyone else Busy", async () => {
    const alwaysTaken = (trx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => insert(trx, "taken");
    await expect(retryTransaction(conn.db, { onBusy: throwCinemaBusy, onGiveUp: () => Promise.reject(new SoldOut(0)), maxAttempts: 3 }, alwaysTaken)).rejects.toBeInstanceOf(SoldOut);
    await expect(retryTransaction(conn.db, { onBusy: throwCinemaBusy, maxAttempts: 3 }, alwaysTaken)).rejects.toBeInstanceOf(CinemaBusy);
  });

  it("passes every other error through at once, untouched, and keeps nothing of the transaction", async () => {
    const bug = new TypeError("not a race");
    let attempts = 0;
    const failing = retryTransaction(conn.db, { onBusy: throwCinemaBusy }, async (trx) => {
      attempts++;
      await insert(trx, "before-bug");
      throw bug;
    });
    await expect(failing).rejects.toBe(bug);
    expect(attempts).toBe(1);
    expect(await ids()).not.toContain("before-bug");
  });
});

describe("the lending ledger's inTransaction (the same loop)", () => {
  it("retries a lost key and gives up with lending's Busy", async () => {
    let attempts = 0;
    await expect(
      inTransaction(conn.db, async (trx) => {
        attempts++;
        await insert(trx, "taken");
      }),
    ).rejects.toBeInstanceOf(LendingBusy);
    expect(attempts).toBe(8);
    expect(await inTransaction(conn.db, async (trx) => (await insert(trx, "ledger-ok"), "ok"))).toBe("ok");
    expect(await ids()).toContain("ledger-ok");
  });
});
