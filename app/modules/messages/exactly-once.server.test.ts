import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTwoConnections } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import type { Channels, DeliveryChannel, OutgoingMessage } from "./channels/channel";
import { enqueueMessage } from "./enqueue.server";
import { startMessageWorker } from "./worker.server";

/** Counts every delivery by message id: a second delivery of one id is what must never happen. */
class CountingChannel implements DeliveryChannel {
  readonly name = "counting";
  readonly deliveries = new Map<string, number>();
  constructor(private readonly delayMs = 0) {}
  async send(message: OutgoingMessage) {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.deliveries.set(message.id, (this.deliveries.get(message.id) ?? 0) + 1);
  }
  get total() {
    return [...this.deliveries.values()].reduce((a, b) => a + b, 0);
  }
}

async function queue(conn: Connection, count: number): Promise<string[]> {
  const ids: string[] = [];
  await conn.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      ids.push(
        await enqueueMessage(
          trx,
          {
            recipient: `person${i}@example.cn`,
            locale: "zh-CN",
            template: "feedbackReply",
            params: { reference: `YJ-LOAD-${String(i).padStart(4, "0")}`, reply: "谢谢。" },
            target: { type: "feedback", id: `YJ-LOAD-${i}` },
            managePath: "/feedback",
          },
          new Date(Date.now() - 1000),
          {},
        ),
      );
    }
  });
  return ids;
}

const statusCounts = async (conn: Connection) =>
  Object.fromEntries(
    (await conn.db.selectFrom("outbox_messages").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute()).map((r) => [r.status, Number(r.n)]),
  );

describe("delivery exactly once", () => {
  let two: Awaited<ReturnType<typeof createTwoConnections>>;
  beforeAll(async () => {
    two = await createTwoConnections();
  });
  afterAll(async () => two.close());
  beforeEach(async () => {
    await two.a.db.deleteFrom("outbox_messages").execute();
  });

  it("two workers on two connections deliver 500 queued messages, each exactly once", async () => {
    const ids = await queue(two.a, 500);
    const channel = new CountingChannel(1);
    const channels: Channels = { email: channel, sms: channel };
    // Long intervals: the test drives the rounds itself, both workers at once, until nothing is left.
    const workers = [two.a, two.b].map((conn) => startMessageWorker(() => conn, { channels, intervalMs: 3600_000, quietHours: null, batchSize: 25, env: {} }));
    await Promise.all(workers.map((w) => w.runOnce()));
    await Promise.all(workers.map((w) => w.stop()));
    expect(channel.deliveries.size).toBe(500);
    expect(channel.total).toBe(500);
    expect(new Set(channel.deliveries.keys())).toEqual(new Set(ids));
    expect(await statusCounts(two.a)).toEqual({ sent: 500 });
    // Both took part (on PostgreSQL SKIP LOCKED lets them work side by side; SQLite takes turns).
    const byWorker = await two.a.db.selectFrom("outbox_messages").select("leased_by").distinct().execute();
    expect(byWorker.length).toBe(2);
  });

  it("a worker stopped mid-run loses nothing and sends nothing twice", async () => {
    const ids = await queue(two.a, 60);
    const delivered = new CountingChannel();
    const leaseMs = 60_000;
    // The first worker is stopped in the middle of its batch: four messages go out, the fifth send never returns
    // (the process is gone), and the rest of its batch stays `sending`, leased to a worker that no longer exists.
    let sends = 0;
    const dying: DeliveryChannel = {
      name: "dying",
      send: (message) => (++sends <= 4 ? delivered.send(message) : new Promise<void>(() => {})),
    };
    const first = startMessageWorker(() => two.a, { channels: { email: dying, sms: dying }, intervalMs: 3600_000, quietHours: null, batchSize: 20, env: {}, leaseMs });
    void first.runOnce();
    await expect.poll(() => sends).toBe(5);
    expect(await statusCounts(two.a)).toEqual({ queued: 40, sending: 16, sent: 4 });

    // Another worker, before the lease runs out, delivers the rest of the queue and leaves the leased rows alone …
    const channels: Channels = { email: delivered, sms: delivered };
    await deliverAfter(two.b, channels, 0);
    expect(delivered.total).toBe(44);
    expect(await statusCounts(two.a)).toEqual({ sending: 16, sent: 44 });
    // … and once the lease has run out, delivers them, once each.
    await deliverAfter(two.b, channels, leaseMs + 1000);
    expect(delivered.total).toBe(60);
    expect(new Set(delivered.deliveries.keys())).toEqual(new Set(ids));
    expect([...delivered.deliveries.values()].every((n) => n === 1)).toBe(true);
    expect(await statusCounts(two.a)).toEqual({ sent: 60 });
    // Started again later, a worker finds nothing more to send.
    await deliverAfter(two.a, channels, 3 * leaseMs);
    expect(delivered.total).toBe(60);
  });
});

/** One worker run `offsetMs` in the future (its clock), to the end of what is due. */
async function deliverAfter(conn: Connection, channels: Channels, offsetMs: number) {
  const worker = startMessageWorker(() => conn, { channels, intervalMs: 3600_000, quietHours: null, env: {}, now: () => new Date(Date.now() + offsetMs) });
  await worker.runOnce();
  await worker.stop();
}
