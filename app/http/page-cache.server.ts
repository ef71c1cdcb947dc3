import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Preferences } from "~/modules/preferences/preferences";

/**
 * The in-process cache of rendered public pages (ADR 0008). One per worker; a worker's entries are checked
 * against the database on every use, so several workers (and instances) never serve each other's stale pages.
 *
 * - Key: the URL as the client asked for it (scheme, host, path, query — no page carries the host any more, its
 *   links are root-relative or PUBLIC_ORIGIN's, but keying on it costs nothing) and the display preferences as parsed from their cookie (so other cookies, a staff session
 *   say, do not split the cache, and a forged or broken cookie counts as the defaults it is rendered with).
 * - Valid while (1) the page read nothing from the database, or the database's data version (db/data-version) is
 *   the one read before it was rendered; and (2) it is younger than `ttlMs`, for what changes with the clock alone
 *   (a screening that has started leaves the programme, a sign-up window closes, the figures' "as of").
 * - Bounded in entries and bytes; the least recently used go first.
 * A hand-written LRU over Map's insertion order: the one LRU package in node_modules is an old transitive copy.
 */
export interface CachedPage {
  status: number;
  /** Remix's headers, without the caching and encoding headers the edge sets itself. */
  headers: Array<[string, string]>;
  body: Buffer;
  gzip: Buffer;
  /** Strong ETags of the two representations. */
  etag: string;
  gzipEtag: string;
  nonce: string;
  /**
   * What the copy was built from, checked by the edge before it is used (portal-handler.server.ts): the corpus
   * generation alone for a page built from the corpus (valid whatever the database holds), with the database's data
   * version for one that read the database; null: valid while younger than the TTL.
   */
  dataVersion: string | null;
  storedAt: number;
}

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
  now?: () => number;
}

export function pageCacheKey(url: URL, preferences: Preferences): string {
  return `${url.href}\n${JSON.stringify(preferences)}`;
}

const strongEtag = (bytes: Buffer, suffix = "") => `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}${suffix}"`;

export function cachedPage(page: Omit<CachedPage, "gzip" | "etag" | "gzipEtag" | "storedAt">, storedAt: number): CachedPage {
  const gzip = gzipSync(page.body);
  const etag = strongEtag(page.body);
  return { ...page, gzip, etag, gzipEtag: `${etag.slice(0, -1)}.gz"`, storedAt };
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2; `*` matches). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor({ maxEntries = 1000, maxBytes = 64 * 1024 * 1024, ttlMs = 30_000, now = Date.now }: PageCacheOptions = {}) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  now(): number {
    return this.#now();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry if it is younger than the TTL (its data version is for the caller to check). */
  get(key: string): CachedPage | undefined {
    const page = this.#entries.get(key);
    if (!page) return undefined;
    this.#entries.delete(key);
    if (this.#now() - page.storedAt >= this.#ttlMs) {
      this.#bytes -= sizeOf(page);
      return undefined;
    }
    this.#entries.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    if (sizeOf(page) > this.#maxBytes) return;
    this.#entries.set(key, page);
    this.#bytes += sizeOf(page);
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(entry);
    }
  }

  delete(key: string): void {
    const page = this.#entries.get(key);
    if (!page) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(page);
  }
}

const sizeOf = (page: CachedPage) => page.body.length + page.gzip.length + page.headers.reduce((n, [k, v]) => n + k.length + v.length, 0);
