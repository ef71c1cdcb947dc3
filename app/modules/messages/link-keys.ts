/**
 * A message's link may carry the key that opens a person's own page (a booking's access token, an offer's token:
 * 128 random bits, base64url, 22 characters; app/modules/cinema/ids.server.ts). Staff read the text that was sent
 * in the outbox, but they never need the key: with it anyone could book or cancel in the person's name. The outbox
 * shows such a path segment as "••••"; the stored and delivered text keeps it.
 *
 * A key is a path segment of exactly 22 base64url characters with an upper-case letter or a digit in it (a page's
 * own slug is lower case; the chance that a random key has neither is about 1 in 10^8).
 */
const linkKey = /\/(?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g;

export const hiddenKey = "••••";

export function hideLinkKeys(text: string): string {
  return text.replace(linkKey, `/${hiddenKey}`);
}
