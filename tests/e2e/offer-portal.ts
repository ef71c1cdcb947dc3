import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { openDatabase, type Connection } from "~/modules/db/index.server";
import { startPortal, type PortalServer } from "../support/portal-server";
import { launchBrowser, newContext } from "./browser";
import { createStaffUser } from "./global-setup";

/** The link every offer text carries (PUBLIC_ORIGIN below). */
export const offerOrigin = "https://access.example.cn";

/**
 * A portal of its own for a waiting-list offer test file (cinema seats, activity places): PUBLIC_ORIGIN so the texts
 * carry the link, no SMS quiet hours, a quick delivery loop (whose round runs the offer sweeps); a staff account of
 * the given role; the database opened beside it, to set up and to read the outbox. Registers its own beforeAll and
 * afterAll; the returned getters are valid inside the tests.
 */
export function offerPortal(name: string, staff: { username: string; role: string }) {
  let browser: Browser;
  let portal: PortalServer;
  let dir: string;
  let conn: Connection;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `qy-${name}-`));
    const databaseUrl = `file:${path.join(dir, "portal.sqlite")}`;
    [portal, browser] = await Promise.all([
      startPortal({ DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "0", PUBLIC_ORIGIN: offerOrigin, SMS_QUIET_HOURS: "off", MESSAGE_INTERVAL_MS: "200" }),
      launchBrowser(),
    ]);
    conn = openDatabase(databaseUrl);
    const root = path.resolve(__dirname, "../..");
    await createStaffUser(root, { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" }, staff.username, staff.role);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await conn?.db.destroy();
    await browser?.close();
    await portal?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A browser context of its own (closed at the end), on this portal. */
  async function context(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
    const made = await newContext(browser, { baseURL: portal.url, ...options });
    contexts.push(made);
    return made;
  }

  return {
    get conn() {
      return conn;
    },
    get portal() {
      return portal;
    },
    context,
    /** A page in a new context (closed at the end). */
    visitor: async (options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<Page> => (await context(options)).newPage(),
    /** The text queued about a target (the outbox), and the link in it as a path on this portal. */
    offerText: async (target: { type: string; id: string; template: string }): Promise<{ body: string; path: string }> => {
      const row = await conn.db
        .selectFrom("outbox_messages")
        .select("body")
        .where("target_type", "=", target.type)
        .where("target_id", "=", target.id)
        .where("template", "=", target.template)
        .executeTakeFirstOrThrow();
      const link = row.body.match(new RegExp(`${offerOrigin}(/\\S+)`));
      expect(link, row.body).not.toBeNull();
      return { body: row.body, path: link![1] };
    },
  };
}
