import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { sessionSecret } from "~/modules/security/secrets.server";

/**
 * The CSP nonce of a cached page (ADR 0008, docs/security.md "Caching"). A public page is rendered with a random
 * placeholder nonce; before it is stored, every copy of the placeholder is replaced with
 * HMAC(key, the page with the placeholder taken out). So
 * - the nonce is fixed only once the page's whole content is: nothing rendered into the page (a title staff typed,
 *   a search query) can have known it in advance, and content that differs by a byte gets another nonce;
 * - the same content gives the same nonce, so the same bytes and the same strong ETag in every worker, on every
 *   instance sharing the session secret, and after the entry is evicted and rendered again (revalidations keep
 *   answering 304);
 * - a nonce someone read off a cached page is valid only on that page with exactly those bytes, where it adds
 *   nothing: a page that is not cached still gets its own random nonce per response (scripts/serve.mjs).
 */
let key: Buffer | undefined;

function nonceKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", sessionSecret(), "qingyuan-access", "page-cache csp nonce", 32));
  return key;
}

/** A fresh placeholder: hexadecimal, so HTML and JSON escaping leave it as it is wherever React writes it. */
export function placeholderNonce(): string {
  return randomBytes(18).toString("hex");
}

/** The page with its placeholder replaced by the nonce derived from its content, and that nonce. */
export function sealNonce(html: string, placeholder: string): { html: string; nonce: string } {
  const parts = html.split(placeholder);
  // NUL never occurs in a page (entry.server drops it), so the joined parts say exactly where the nonce stood.
  const nonce = createHmac("sha256", nonceKey()).update(parts.join("\u0000")).digest().subarray(0, 18).toString("base64");
  return { html: parts.join(nonce), nonce };
}
