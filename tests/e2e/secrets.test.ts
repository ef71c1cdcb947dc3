import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/modules/db/index.server";
import { keyId, legacyDevelopmentSecret } from "~/modules/lending/certificate.server";
import { makeCertificate } from "~/modules/lending/index.server";
import { startPortal, type PortalServer } from "../support/portal-server";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * `npm ci && npm start` with NODE_ENV unset, on a machine that has never run the portal (issue 12, item 6): the first
 * start generates its own secrets into the data directory, keys certificate hashes with a key of their own (never
 * the cookie secret, never the public development default), sets Secure cookies on requests that came over HTTPS
 * through a proxy, and a restart keeps everything, so staff stay signed in.
 */
describe("npm start on a fresh machine, NODE_ENV unset", () => {
  let dir: string;
  let portal: PortalServer;
  let env: Record<string, string | undefined>;
  const number = makeCertificate("19850505", "505", 4, 1);
  const hmac = (key: string) => createHmac("sha256", key).update(`cdpf-certificate:${number}`).digest("hex");
  const secretIn = (file: string) => fs.readFileSync(path.join(dir, file), "utf8").split("\n").find((line) => line && !line.startsWith("#"))!;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-fresh-"));
    env = {
      DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`,
      NODE_ENV: undefined,
      PORTAL_LOCAL_RUN: undefined,
      SESSION_SECRET: undefined,
      CERTIFICATE_HASH_KEY: undefined,
      TRUST_PROXY: "1",
      RATE_LIMIT_PER_MINUTE: "0",
      SKIP_BUILD: "1",
    };
    portal = await startPortal(env);
    const made = spawnSync("node_modules/.bin/tsx", ["scripts/admin.ts", "create-user", "fresh-admin", "--role", "admin"], {
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
      input: "a fresh long password\n",
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await portal?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const login = (headers: Record<string, string> = {}) =>
    fetch(`${portal.url}/login`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ username: "fresh-admin", password: "a fresh long password" }),
      redirect: "manual",
    });

  it("generated two different secrets beside the database, readable by its owner only, neither the old public default", () => {
    for (const file of ["session-secret", "certificate-hash-key"]) expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    const session = secretIn("session-secret");
    const certificate = secretIn("certificate-hash-key");
    expect(session.length).toBeGreaterThanOrEqual(43);
    expect(certificate).not.toBe(session);
    expect([session, certificate]).not.toContain(legacyDevelopmentSecret);
  });

  it("keys a certificate number's hash with the generated certificate key: not recomputable from the cookie secret or the public default", async () => {
    const created = await fetch(`${portal.url}/api/v1/loan-requests`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ deviceId: "manual-wheelchair", name: "新机器", phone: "13700000005", disabilityCategory: "physical", certificateNumber: number }),
    });
    expect(created.status).toBe(201);
    const { reference } = await created.json();
    const conn = openDatabase(env.DATABASE_URL!);
    try {
      const row = await conn.db.selectFrom("lending_requests").select("certificate_hash").where("reference", "=", reference).executeTakeFirstOrThrow();
      const key = secretIn("certificate-hash-key");
      expect(row.certificate_hash).toBe(`${keyId(key)}:${hmac(key)}`);
      expect(row.certificate_hash).not.toContain(hmac(legacyDevelopmentSecret));
      expect(row.certificate_hash).not.toContain(hmac(secretIn("session-secret")));
    } finally {
      await conn.db.destroy();
    }
  });

  it("sets the session cookie Secure when the request came over HTTPS through the proxy, and not over plain http on this machine", async () => {
    const overTls = await login({ "X-Forwarded-Proto": "https", Origin: portal.url.replace("http:", "https:") });
    expect(overTls.status).toBe(302);
    expect(overTls.headers.get("set-cookie")).toMatch(/qy_staff=[^;]+;.*\bSecure\b/i);
    const plain = await login({ Origin: portal.url });
    expect(plain.status).toBe(302);
    expect(plain.headers.get("set-cookie")).not.toMatch(/\bSecure\b/i);
    const cookie = plain.headers.get("set-cookie")!.split(";")[0];
    expect((await fetch(`${portal.url}/admin`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);
  });

  it("a restart keeps the same secrets, so a staff member signed in before it is still signed in", async () => {
    const before = { session: secretIn("session-secret"), certificate: secretIn("certificate-hash-key") };
    const cookie = (await login({ Origin: portal.url })).headers.get("set-cookie")!.split(";")[0];
    await portal.stop();
    portal = await startPortal(env);
    expect({ session: secretIn("session-secret"), certificate: secretIn("certificate-hash-key") }).toEqual(before);
    expect((await fetch(`${portal.url}/admin`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);
  }, 240_000);
});
