import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { personalNumbers } from "~/modules/privacy/mask";

/**
 * The request a piece of server code is working for, wherever it runs (a route, a module, a library's console
 * line): the HTTP edge runs each request inside `runWithRequestId`, and the logger writes `currentRequestId()` on
 * every line it writes meanwhile.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** What an incoming X-Request-Id may be: a short token of letters, digits and `-._:`, never a personal number. */
const saneToken = /^[A-Za-z0-9._:-]{8,128}$/;

export function isSaneRequestId(value: string): boolean {
  return saneToken.test(value) && personalNumbers(value).length === 0;
}

/**
 * The id of a request: the one a trusted reverse proxy sent (TRUST_PROXY; the proxy's own id, so its log and
 * the portal's meet) when it is a sane token, else a new random one. A client's own header is never trusted:
 * it could put anything on the portal's log lines.
 */
export function requestIdFor(incoming: string | string[] | undefined, trustProxy: boolean): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  if (trustProxy && value !== undefined && isSaneRequestId(value)) return value;
  return randomUUID();
}
