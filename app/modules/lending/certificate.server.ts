import { createHmac } from "node:crypto";
import { sessionSecret } from "../security/secrets.server";
import { maskCertificate, normaliseCertificate } from "./certificate";

/**
 * The certificate number is never stored in clear. What is kept is a keyed hash (HMAC-SHA-256 with
 * SESSION_SECRET) to recognise the same person again for the duplicate-fitting check, and a masked form for
 * staff to read out. Without the key the hash cannot be reversed by trying every number (there are few).
 * Changing SESSION_SECRET makes earlier hashes unmatchable: the duplicate check then starts afresh.
 */
export function certificateHash(input: string, key: string = sessionSecret()): string {
  return createHmac("sha256", key).update(`cdpf-certificate:${normaliseCertificate(input)}`).digest("hex");
}

export function protectCertificate(input: string | null | undefined): { hash: string; masked: string } | null {
  const value = normaliseCertificate(input ?? "");
  if (!value) return null;
  return { hash: certificateHash(value), masked: maskCertificate(value) };
}
