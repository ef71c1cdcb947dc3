import { randomBytes } from "node:crypto";

/** An unguessable id for URLs (drafts, holds, booking pages): 128 random bits, base64url. */
export function randomId(): string {
  return randomBytes(16).toString("base64url");
}
