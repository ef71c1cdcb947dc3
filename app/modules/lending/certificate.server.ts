import { createHash, createHmac } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { certificateKeys, minimumSecretLength } from "../security/secrets.server";
import { maskCertificate, normaliseCertificate } from "./certificate";

/**
 * The certificate number is never stored in clear. What is kept is a keyed hash, to recognise the same person
 * again for the duplicate-fitting check, and a masked form for staff to read out. Without the key the hash cannot
 * be reversed by trying every number (there are few), so the key is its own secret, never the cookie secret
 * (CERTIFICATE_HASH_KEY or data/certificate-hash-key, ../security/secrets.server.ts).
 *
 * A hash is stored as `<key id>:<HMAC-SHA-256 hex>`; the key id (8 hex characters of a SHA-256 of the key) says
 * which key made it, so a rotation can be followed and a key that is missing is noticed. Hashes from before the
 * key had its own secret carry no id: they were keyed with SESSION_SECRET or, where that was unset, the public
 * development default ("legacy").
 *
 * Rotation without losing the duplicate check: the stored hashes cannot be recomputed (the numbers are gone), so
 * earlier keys stay listed as "previous". Whenever a number is typed again, every stored hash of it made with an
 * earlier key (or a legacy one) is re-keyed to the current key at once (`protectCertificate`); the duplicate check
 * then finds the person's earlier records. An earlier key can go when no stored hash uses it any more
 * (`certificateHashReport`, `npm run secrets -- status` / `prune`).
 */
export const legacyDevelopmentSecret = "qingyuan-access-development-secret-do-not-use-in-production";

export interface CertificateKeys {
  current: string;
  /** Earlier certificate keys: their hashes carry their key id. */
  previous: string[];
  /** Keys that may have made hashes without a key id (before the certificate key existed). */
  legacy: string[];
}

const unique = (values: string[]) => [...new Set(values)];

/** The keys in use: the certificate key with its earlier ones, and the legacy candidates (the session secrets of the environment, the old default). */
export function currentCertificateKeys(env: Record<string, string | undefined> = process.env, secret = certificateKeys()): CertificateKeys {
  const sessionFromEnv = [env.SESSION_SECRET ?? "", ...(env.SESSION_SECRET_PREVIOUS ?? "").split(",")].map((s) => s.trim()).filter((s) => s.length >= minimumSecretLength);
  return { current: secret.current, previous: secret.previous, legacy: unique([...sessionFromEnv, legacyDevelopmentSecret, secret.current, ...secret.previous]) };
}

export function keyId(key: string): string {
  return createHash("sha256").update(`qingyuan-access certificate key id\n${key}`).digest("hex").slice(0, 8);
}

const hmac = (key: string, value: string) => createHmac("sha256", key).update(`cdpf-certificate:${normaliseCertificate(value)}`).digest("hex");

/** The stored form of a number's hash under `key` (the current key unless told). */
export function certificateHash(input: string, key: string = currentCertificateKeys().current): string {
  return `${keyId(key)}:${hmac(key, input)}`;
}

/** How the same number may have been stored under earlier keys (with their ids) or legacy ones (without). */
export function earlierCertificateHashes(input: string, keys: CertificateKeys): string[] {
  return unique([...keys.previous.map((k) => certificateHash(input, k)), ...keys.legacy.map((k) => hmac(k, input))]).filter((h) => h !== certificateHash(input, keys.current));
}

/** Every table that stores certificate hashes (certificate.server.test.ts checks this against the live schema). */
export const certificateHashTables = ["lending_requests", "centre_library_cards", "home_mod_applications"] as const;

/**
 * The hash and masked form of a number as typed, to store. Stored hashes of the same number made with an earlier or
 * legacy key are re-keyed to the current key first, so the duplicate check keeps finding them after a rotation.
 */
export async function protectCertificate(
  db: Kysely<Database>,
  input: string | null | undefined,
  keys: CertificateKeys = currentCertificateKeys(),
): Promise<{ hash: string; masked: string } | null> {
  const value = normaliseCertificate(input ?? "");
  if (!value) return null;
  const hash = certificateHash(value, keys.current);
  const earlier = earlierCertificateHashes(value, keys);
  const any = db as unknown as Kysely<Record<string, { certificate_hash: string | null }>>;
  for (const table of earlier.length ? certificateHashTables : []) {
    await any.updateTable(table as string).set({ certificate_hash: hash }).where("certificate_hash", "in", earlier).execute();
  }
  return { hash, masked: maskCertificate(value) };
}

export interface CertificateHashReport {
  /** Stored hashes made with the current key. */
  current: number;
  /** By key id: made with an earlier key still listed. */
  previous: Record<string, number>;
  /** Made before hashes carried a key id. */
  legacy: number;
  /** By key id: made with a key this installation does not have (another instance's, or a lost one). */
  unknown: Record<string, number>;
}

/** Which keys the stored hashes were made with: for `npm run secrets -- status`, the start-up check and pruning. */
export async function certificateHashReport(db: Kysely<Database>, keys: CertificateKeys = currentCertificateKeys()): Promise<CertificateHashReport> {
  const report: CertificateHashReport = { current: 0, previous: {}, legacy: 0, unknown: {} };
  const currentId = keyId(keys.current);
  const previousIds = new Set(keys.previous.map(keyId));
  const any = db as unknown as Kysely<Record<string, { certificate_hash: string | null }>>;
  for (const table of certificateHashTables) {
    const rows = await any
      .selectFrom(table as string)
      .select([sql<string>`substr(certificate_hash, 1, 9)`.as("prefix"), sql<number>`count(*)`.as("n")])
      .where("certificate_hash", "is not", null)
      .groupBy(sql`substr(certificate_hash, 1, 9)`)
      .execute();
    for (const { prefix, n } of rows) {
      const count = Number(n);
      if (!prefix.endsWith(":")) report.legacy += count;
      else {
        const id = prefix.slice(0, 8);
        if (id === currentId) report.current += count;
        else if (previousIds.has(id)) report.previous[id] = (report.previous[id] ?? 0) + count;
        else report.unknown[id] = (report.unknown[id] ?? 0) + count;
      }
    }
  }
  return report;
}

/** What an operator must be told at start: stored hashes this installation cannot match. */
export function certificateKeyWarnings(report: CertificateHashReport): string[] {
  return Object.entries(report.unknown).map(
    ([id, n]) =>
      `${n} stored certificate hash(es) were made with key ${id}, which this installation does not have, so the duplicate-fitting check cannot match them: ` +
      `copy the certificate-hash-key file of the instance that made them (every instance needs the same key), or add that key as an earlier line there.`,
  );
}

/** One line for logs and `npm run secrets -- status`. */
export function describeCertificateHashes(report: CertificateHashReport): string {
  const earlier = Object.entries(report.previous).map(([id, n]) => `${n} with earlier key ${id}`);
  const unknown = Object.entries(report.unknown).map(([id, n]) => `${n} with UNKNOWN key ${id}`);
  return [`${report.current} with the current key`, ...earlier, `${report.legacy} from before key ids (legacy)`, ...unknown].join(", ");
}
