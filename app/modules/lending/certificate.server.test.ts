import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveColumns } from "../../../tests/support/schema";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/index.server";
import {
  certificateHash,
  certificateHashReport,
  certificateHashTables,
  certificateKeyWarnings,
  keyId,
  legacyDevelopmentSecret,
  protectCertificate,
  type CertificateKeys,
} from "./certificate.server";
import { createRequest, getRequest, makeCertificate, seedLending } from "./index.server";

/**
 * The certificate key and its rotation (issue 12, item 6), on SQLite and PostgreSQL: hashes are keyed with the
 * certificate key (never the cookie secret or the public default), carry the key's id, and the duplicate-fitting
 * check still finds a person's earlier requests after the key was rotated, or when they were hashed by an earlier
 * version with SESSION_SECRET or the development default.
 */
const now = new Date("2026-11-26T02:00:00Z");
const keyA = "certificate key A — 32 random bytes in real life";
const keyB = "certificate key B — the one after a rotation";
const sessionSecret = "the cookie secret, which must not key certificates";
let conn: Connection;

beforeAll(async () => {
  conn = await createTestDb();
  await seedLending(conn.db, now);
  // The seed hashed its made-up numbers with this installation's key; these tests use keys of their own.
  await conn.db.updateTable("lending_requests").set({ certificate_hash: null }).execute();
});
afterAll(async () => conn.db.destroy());

async function request(number: string, keys: CertificateKeys, name: string) {
  const certificate = await protectCertificate(conn.db, number, keys);
  const { reference } = await createRequest(conn.db, { typeId: "manual-wheelchair", name, phone: "13800001111", disability: "physical", certificate, locale: "zh-CN", source: "web" }, now);
  return reference;
}
const hashOf = async (reference: string) =>
  (await conn.db.selectFrom("lending_requests").select("certificate_hash").where("reference", "=", reference).executeTakeFirstOrThrow()).certificate_hash;
const oldStyleHash = (key: string, number: string) => createHmac("sha256", key).update(`cdpf-certificate:${number}`).digest("hex");

describe("certificate hashes", () => {
  it("are keyed with the certificate key and carry its id: not recomputable from the cookie secret or the old public default", async () => {
    const number = makeCertificate("19800101", "101", 4, 1);
    const reference = await request(number, { current: keyA, previous: [], legacy: [] }, "甲");
    const stored = await hashOf(reference);
    expect(stored).toBe(`${keyId(keyA)}:${oldStyleHash(keyA, number)}`);
    expect(stored).not.toContain(oldStyleHash(sessionSecret, number));
    expect(stored).not.toContain(oldStyleHash(legacyDevelopmentSecret, number));
    expect(JSON.stringify(await conn.db.selectFrom("lending_requests").selectAll().where("reference", "=", reference).execute())).not.toContain(number);
  });

  it("after a rotation the duplicate check still finds the person's earlier request: typing the number again re-keys it", async () => {
    const number = makeCertificate("19800202", "202", 4, 1);
    const first = await request(number, { current: keyA, previous: [], legacy: [] }, "乙");
    // Rotated: B is current, A stays listed as an earlier key.
    const rotated: CertificateKeys = { current: keyB, previous: [keyA], legacy: [] };
    expect(await hashOf(first)).not.toBe(certificateHash(number, keyB));
    const second = await request(number, rotated, "乙");
    expect(await hashOf(first)).toBe(certificateHash(number, keyB));
    const detail = await getRequest(conn.db, second, now);
    expect(detail.earlier.map((e) => e.reference)).toContain(first);
  });

  it("hashes an earlier version made with SESSION_SECRET or the development default keep matching, and are re-keyed", async () => {
    const number = makeCertificate("19800303", "303", 4, 1);
    const legacy = await request(number, { current: keyA, previous: [], legacy: [] }, "丙");
    await conn.db.updateTable("lending_requests").set({ certificate_hash: oldStyleHash(legacyDevelopmentSecret, number) }).where("reference", "=", legacy).execute();
    const keys: CertificateKeys = { current: keyB, previous: [keyA], legacy: [sessionSecret, legacyDevelopmentSecret] };
    expect((await certificateHashReport(conn.db, keys)).legacy).toBe(1);
    const again = await request(number, keys, "丙");
    expect(await hashOf(legacy)).toBe(certificateHash(number, keyB));
    expect((await getRequest(conn.db, again, now)).earlier.map((e) => e.reference)).toContain(legacy);
    expect((await certificateHashReport(conn.db, keys)).legacy).toBe(0);
  });

  it("the report says which keys the stored hashes use, and warns about a key this installation does not have", async () => {
    const number = makeCertificate("19800404", "404", 4, 1);
    const elsewhere = await request(number, { current: "another instance's own generated key", previous: [], legacy: [] }, "丁");
    const keys: CertificateKeys = { current: keyB, previous: [keyA], legacy: [] };
    const report = await certificateHashReport(conn.db, keys);
    const stored = (await conn.db.selectFrom("lending_requests").select("reference").where("certificate_hash", "is not", null).execute()).length;
    expect(report.unknown).toEqual({ [keyId("another instance's own generated key")]: 1 });
    expect(report.legacy).toBe(0);
    expect(report.current + Object.values(report.previous).reduce((a, b) => a + b, 0) + 1).toBe(stored);
    expect(certificateKeyWarnings(report).join(" ")).toContain(keyId("another instance's own generated key"));
    await conn.db.updateTable("lending_requests").set({ certificate_hash: null }).where("reference", "=", elsewhere).execute();
    expect(certificateKeyWarnings(await certificateHashReport(conn.db, keys))).toEqual([]);
  });

  it("every table with a certificate_hash column is re-keyed and reported", async () => {
    const live = await liveColumns(conn);
    const withHashes = [...live].filter(([, columns]) => columns.includes("certificate_hash")).map(([table]) => table);
    expect(withHashes.sort()).toEqual([...certificateHashTables].sort());
  });
});
