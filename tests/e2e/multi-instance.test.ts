import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { saveDocument } from "~/modules/content/documents.server";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { enqueueMessage } from "~/modules/messages/enqueue.server";
import { chessNotice } from "../fixtures/test-notice";
import { documentSeen, freshDocNumber, removeNewIndexesLater, untilSeenEverywhere, type DocumentSeen } from "../support/live-corpus";
import { startLocalSmsGateway, type LocalSmsGateway } from "../support/local-sms";
import { postgresBinDir, startPostgres, type RunningPostgres } from "../support/postgres";
import { startPortalsTogether, type PortalServer } from "../support/portal-server";
import { bookLastSeatsAtOnce } from "../support/races";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * Two app instances behind one PostgreSQL (issue #8): what one instance sells the other cannot sell again, and a
 * staff session started on one is valid on the other; what the console publishes on one, the other serves (issue 16). Needs Debian's postgresql (installed by .ci/run).
 */
describe.runIf(postgresBinDir() !== null)("two instances sharing one PostgreSQL", () => {
  let pg: RunningPostgres;
  let a: PortalServer;
  let b: PortalServer;
  let conn: Connection;
  let sms: LocalSmsGateway;

  beforeAll(async () => {
    [pg, sms] = await Promise.all([startPostgres(), startLocalSmsGateway()]);
    const url = pg.adminUrl;
    // Both deliver the outbox to one local SMS gateway, every 100 ms, with no quiet hours.
    const env = { DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1", SMS_URL: sms.url, SMS_QUIET_HOURS: "off", MESSAGE_INTERVAL_MS: "100", CORPUS_POLL_MS: "300" };
    // Both start at once on the empty cluster: one migrates and seeds under the start-up lock, the other waits.
    [a, b] = await startPortalsTogether(2, env);
    conn = openDatabase(url);
  }, 240_000);

  afterAll(async () => {
    await conn?.db.destroy();
    await a?.stop();
    await b?.stop();
    await sms?.close();
    pg?.stop();
  });

  it("both started at once on the empty cluster and serve; the seed is there once", async () => {
    for (const server of [a, b]) expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    expect(await conn.db.selectFrom("cinema_halls").select("id").execute()).toHaveLength(1);
    const [sa, sb] = await Promise.all([a, b].map(async (s) => (await (await fetch(`${s.url}/api/v1/screenings`)).json()).screenings));
    expect(sa.length).toBeGreaterThan(0);
    expect(sb).toEqual(sa);
  });

  it("both report PostgreSQL, index the same corpus, and answer a question alike", async () => {
    const [ha, hb] = await Promise.all([a, b].map(async (s) => (await fetch(`${s.url}/api/v1/health`)).json()));
    expect(ha.database).toBe("postgres");
    expect(hb.database).toBe("postgres");
    // Each instance builds its index itself (builtAt differs); the content must not.
    expect({ documents: hb.index.documents, chunks: hb.index.chunks }).toEqual({ documents: ha.index.documents, chunks: ha.index.chunks });
    const ask = async (s: PortalServer) =>
      (
        await fetch(`${s.url}/api/v1/chat`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ question: "困难残疾人生活补贴的对象是谁？" }),
        })
      ).json();
    const [{ conversationId: idA, ...answerA }, { conversationId: idB, ...answerB }] = await Promise.all([ask(a), ask(b)]);
    expect(answerA.grounded).toBe(true);
    expect(answerB).toEqual(answerA);
    // Each reply starts its own conversation.
    expect(idB).not.toBe(idA);
  });

  it("a document saved in the shared database is served, found and cited by both instances within seconds; unpublished, by neither", async () => {
    const id = "multi-instance-chess-notice";
    const { meta: notice, body, question, words } = chessNotice(id);
    const meta = { ...notice, docNumber: freshDocNumber() };
    const removeIndexes = removeNewIndexesLater();
    onTestFinished(removeIndexes);
    const both = async () => Promise.all([a, b].map((s) => documentSeen(s.url, id, words, question)));
    const everywhere = (seen: DocumentSeen) => untilSeenEverywhere(both, [seen, seen], 30_000, () => a.output().slice(-1500) + b.output().slice(-1500));
    expect(await both()).toEqual([{ page: 404, search: false, cited: false }, { page: 404, search: false, cited: false }]);
    expect((await saveDocument(conn.db, { meta, body }, { userId: null })).ok).toBe(true);
    await everywhere({ page: 200, search: true, cited: true });
    expect((await saveDocument(conn.db, { meta, body, published: false }, { userId: null })).ok).toBe(true);
    await everywhere({ page: 404, search: false, cited: false });
  });

  it("a notice drafted and approved through the console's forms on one instance (two staff members, no JavaScript) is served, found and cited on the other within seconds; repealed through the console, cited on neither", async () => {
    const id = "multi-instance-console-notice";
    const { meta, body, question, words } = chessNotice(id);
    const removeIndexes = removeNewIndexesLater();
    onTestFinished(removeIndexes);
    const { spawnSync } = await import("node:child_process");
    const env = { ...process.env, DATABASE_URL: pg.adminUrl, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" } as NodeJS.ProcessEnv;
    const password = "a long enough password for content";
    const signIn = async (username: string) => {
      const made = spawnSync("node_modules/.bin/tsx", ["scripts/admin.ts", "create-user", username, "--role", "content"], { env, input: `${password}\n`, encoding: "utf8" });
      expect(made.status, made.stderr).toBe(0);
      const login = await fetch(`${a.url}/login`, { method: "POST", headers: { Origin: a.url }, body: new URLSearchParams({ username, password }), redirect: "manual" });
      expect(login.status).toBe(302);
      return login.headers.get("set-cookie")!.split(";")[0]!;
    };
    const [author, reviewer] = [await signIn("console-author"), await signIn("console-reviewer")];
    /** A plain form post on instance A, as a browser without JavaScript sends it: its session cookie, same origin. */
    const post = async (cookie: string, at: string, fields: Array<[string, string]>) => {
      const response = await fetch(`${a.url}${at}`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: a.url, "Sec-Fetch-Site": "same-origin" },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
      expect(response.status, await response.clone().text().then((t) => t.slice(0, 500))).toBe(302);
      return response.headers.get("location") ?? "";
    };
    /** The revision the preview's review form carries (what the editor saw). */
    const previewRevision = async (cookie: string) => {
      const html = await (await fetch(`${a.url}/admin/content/${id}/preview`, { headers: { Cookie: cookie } })).text();
      return /name="revision" value="(\d+)"/.exec(html)?.[1] ?? "";
    };
    const fields = (status: string, supersededBy = ""): Array<[string, string]> => [
      ["type", "notice"],
      ["id", id],
      ["title", meta.title],
      ["titleEn", meta.titleEn],
      ["issuer", meta.issuer],
      ["docNumber", freshDocNumber()],
      ["issued", meta.issued!],
      ["status", status],
      ["supersededBy", supersededBy],
      ["source", meta.source!],
      ["reviewed", meta.reviewed],
      ...meta.topics.map((t): [string, string] => ["topics", t]),
      ...meta.audience.map((x): [string, string] => ["audience", x]),
      ["summary", meta.summary],
      ["summaryEn", meta.summaryEn],
      ["body", body],
    ];
    const both = async () => Promise.all([a, b].map((s) => documentSeen(s.url, id, words, question)));
    const everywhere = (seen: DocumentSeen) => untilSeenEverywhere(both, [seen, seen], 30_000, () => a.output().slice(-1500) + b.output().slice(-1500));

    expect(await post(author, "/admin/content/new", fields("current"))).toContain(`/admin/content/${id}/preview`);
    // A draft: public nowhere.
    expect(await both()).toEqual([{ page: 404, search: false, cited: false }, { page: 404, search: false, cited: false }]);
    await post(author, `/admin/content/${id}/preview`, [["intent", "request"], ["revision", await previewRevision(author)]]);
    await post(reviewer, `/admin/content/${id}/preview`, [["intent", "approve"], ["revision", await previewRevision(reviewer)]]);
    await everywhere({ page: 200, search: true, cited: true });
    expect(await (await fetch(`${b.url}/policies`)).text()).toContain(`/policies/${id}`);

    // Repealed through the console: a draft beside the live text, reviewed and approved by the second person.
    const live = Number(await previewRevision(author));
    // (A repeal says why: the console refuses one that names neither a replacement nor a reason.)
    const why: Array<[string, string]> = [["changed", meta.reviewed], ["changeNote", "试行期满，本通知废止。"], ["changeNoteEn", "The trial period has ended."]];
    await post(author, `/admin/content/${id}`, [...fields("repealed"), ...why, ["revision", String(live)]]);
    await post(author, `/admin/content/${id}/preview`, [["intent", "request"], ["revision", await previewRevision(author)]]);
    await post(reviewer, `/admin/content/${id}/preview`, [["intent", "approve"], ["revision", await previewRevision(reviewer)]]);
    // Kept on its page and in the search (marked repealed), never cited as current — on either instance.
    await everywhere({ page: 200, search: true, cited: false });
    const audit = await conn.db.selectFrom("audit_log").select("action").where("target_id", "=", id).orderBy("at").execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["content.draft.save", "content.review.request", "content.review.approve", "content.publish", "content.repeal"]));
  }, 120_000);

  it("a staff session started on one instance is valid on the other", async () => {
    const env = { ...process.env, DATABASE_URL: pg.adminUrl, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" } as NodeJS.ProcessEnv;
    const { spawnSync } = await import("node:child_process");
    const made = spawnSync("node_modules/.bin/tsx", ["scripts/admin.ts", "create-user", "shared-door", "--role", "cinema"], {
      env,
      input: "a shared long password\n",
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    const login = await fetch(`${a.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ username: "shared-door", password: "a shared long password" }),
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const onB = await fetch(`${b.url}/admin/cinema`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
  });

  it("200 parallel bookings for the last 20 seats spread over both instances: exactly 20 confirmed, no seat twice", async () => {
    // Instance b caches the screening's page while it has seats left; the race must show on it at once.
    const { screenings } = await (await fetch(`${a.url}/api/v1/screenings`)).json();
    const page = `${b.url}/en/cinema/${screenings[screenings.length - 1].id}`;
    expect(await (await fetch(page)).text()).toMatch(/\b[1-9]\d* seats left/);
    const race = await bookLastSeatsAtOnce([a.url, b.url], conn.db);
    expect(await (await fetch(page)).text()).not.toMatch(/\b[1-9]\d* seats left/);
    expect(race.otherStatuses).toEqual([]);
    expect(race.created).toBe(20);
    expect(race.conflicts).toBe(180);
    expect(race.distinctSeats).toBe(20);
    expect(race.leftAfter).toBe(0);
    // Each of the 20 people is texted their confirmation once, through the SMS adapter, by one of the instances.
    const texts = () => sms.received.filter((r) => race.references.includes(r.body.reference));
    await expect.poll(() => texts().length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(20);
    expect(texts()).toHaveLength(20);
    expect(new Set(texts().map((r) => r.body.reference)).size).toBe(20);
    expect(texts().every((r) => r.body.to === "13700000001" && !r.body.text.includes("13700000001"))).toBe(true);
  });

  it("500 messages queued at once are each delivered exactly once, by both instances' workers together", async () => {
    const queued = new Set<string>();
    await conn.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 500; i++) {
        const reference = `YJ-PAIR-${String(i).padStart(4, "0")}`;
        queued.add(
          await enqueueMessage(
            trx,
            { recipient: `139${String(i).padStart(8, "0")}`, locale: "zh-CN", template: "feedbackReply", params: { reference, reply: "谢谢。" }, target: { type: "feedback", id: reference }, managePath: "/feedback" },
            new Date(Date.now() - 1000),
            { SMS_QUIET_HOURS: "off" },
          ),
        );
      }
    });
    const ours = () => sms.received.filter((r) => queued.has(r.body.id));
    await expect.poll(() => ours().length, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(500);
    const sent = await conn.db.selectFrom("outbox_messages").select(["id", "status", "leased_by"]).where("reference", "like", "YJ-PAIR-%").execute();
    expect(sent.filter((m) => m.status === "sent")).toHaveLength(500);
    // Exactly once: 500 requests for 500 ids, none twice, and more than one process took part.
    expect(ours()).toHaveLength(500);
    expect(new Set(ours().map((r) => r.body.id))).toEqual(queued);
    const processes = new Set(sent.map((m) => m.leased_by!.split(":")[1]));
    expect(processes.size).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

/** Two processes on one SQLite file, started at once on a file that does not exist yet (the start-up lock). */
describe("two instances sharing one SQLite file, started together", () => {
  let dir: string;
  let a: PortalServer;
  let b: PortalServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-two-sqlite-"));
    const env = { DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1" };
    [a, b] = await startPortalsTogether(2, env);
  }, 240_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("both serve the same seeded schedule, and a booking on one is seen by the other", async () => {
    const [sa, sb] = await Promise.all([a, b].map(async (s) => (await (await fetch(`${s.url}/api/v1/screenings`)).json()).screenings));
    expect(sa.length).toBeGreaterThan(0);
    expect(sb).toEqual(sa);
    const booked = await fetch(`${a.url}/api/v1/screenings/${sa[0].id}/bookings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "两个实例", phone: "13700000002", tickets: 1 }),
    });
    expect(booked.status).toBe(201);
    const { reference } = await booked.json();
    const seen = await fetch(`${b.url}/api/v1/bookings/${reference}?phone=13700000002`);
    expect(seen.status).toBe(200);
  });
});

