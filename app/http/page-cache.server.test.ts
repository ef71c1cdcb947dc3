import { describe, expect, it } from "vitest";
import { defaultPreferences } from "~/modules/preferences/preferences";
import { cachedPage, matchesIfNoneMatch, PageCache, pageCacheKey } from "./page-cache.server";
import { placeholderNonce, sealNonce } from "./page-cache-nonce.server";

const page = (html: string, storedAt = 0, dataVersion: string | null = null) =>
  cachedPage({ status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body: Buffer.from(html), nonce: "n", dataVersion }, storedAt);

describe("the cache of rendered public pages", () => {
  it("keys on the whole URL (host and query included) and the display preferences", () => {
    const prefs = defaultPreferences;
    const key = pageCacheKey(new URL("http://portal.example/cinema?ad=1"), prefs);
    expect(pageCacheKey(new URL("http://portal.example/cinema?ad=1"), { ...prefs })).toBe(key);
    expect(pageCacheKey(new URL("http://portal.example/cinema"), prefs)).not.toBe(key);
    expect(pageCacheKey(new URL("http://evil.example/cinema?ad=1"), prefs)).not.toBe(key);
    expect(pageCacheKey(new URL("http://portal.example/en/cinema?ad=1"), prefs)).not.toBe(key);
    const other = Object.fromEntries(Object.entries(prefs).map(([k, v]) => [k, typeof v === "string" ? `${v}-x` : v])) as typeof prefs;
    expect(pageCacheKey(new URL("http://portal.example/cinema?ad=1"), other)).not.toBe(key);
  });

  it("forgets an entry once it is as old as the TTL", () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 1000, now: () => now });
    cache.set("a", page("<p>a</p>", 0));
    now = 999;
    expect(cache.get("a")).toBeDefined();
    now = 1000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps to its number of entries and bytes, dropping the least recently used", () => {
    const cache = new PageCache({ maxEntries: 2, now: () => 0 });
    cache.set("a", page("a"));
    cache.set("b", page("b"));
    cache.get("a");
    cache.set("c", page("c"));
    expect([cache.get("a"), cache.get("b"), cache.get("c")].map(Boolean)).toEqual([true, false, true]);
    const big = page("x".repeat(10_000));
    const bytes = big.body.length + big.gzip.length + 50;
    const small = new PageCache({ maxBytes: bytes * 2, now: () => 0 });
    for (const key of ["1", "2", "3"]) small.set(key, page("x".repeat(10_000)));
    expect(small.size).toBe(2);
    expect(small.get("1")).toBeUndefined();
    small.set("huge", page("y".repeat(100_000)));
    expect(small.get("huge")).toBeUndefined();
  });

  it("gives each representation its own strong ETag, which changes with a byte of the body", () => {
    const a = page("<p>a</p>");
    expect(a.etag).toMatch(/^"[\w-]{32}"$/);
    expect(a.gzipEtag).not.toBe(a.etag);
    expect(page("<p>a</p>").etag).toBe(a.etag);
    expect(page("<p>b</p>").etag).not.toBe(a.etag);
  });

  it("matches If-None-Match lists, weak tags and *", () => {
    expect(matchesIfNoneMatch('"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y", W/"x"', '"x"')).toBe(true);
    expect(matchesIfNoneMatch("*", '"x"')).toBe(true);
    expect(matchesIfNoneMatch('"y"', '"x"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"x"')).toBe(false);
  });
});

describe("the nonce of a cached page", () => {
  process.env.SESSION_SECRET ??= "a test secret of enough length";
  const render = (content: string, placeholder: string) => `<p>${content}</p><script nonce="${placeholder}">1</script><link nonce="${placeholder}">`;

  it("replaces every copy of the placeholder, the same for the same content whatever the placeholder", () => {
    const p1 = placeholderNonce();
    const p2 = placeholderNonce();
    const one = sealNonce(render("轮椅", p1), p1);
    const two = sealNonce(render("轮椅", p2), p2);
    expect(one.html).not.toContain(p1);
    expect(one.html.split(`nonce="${one.nonce}"`)).toHaveLength(3);
    expect(two).toEqual(one);
    expect(one.nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("differs when one byte of the content differs, so content cannot carry the nonce it will get", () => {
    const p = placeholderNonce();
    const first = sealNonce(render("a", p), p).nonce;
    const withNonce = sealNonce(render(`<script nonce="${first}">`, p), p).nonce;
    expect(withNonce).not.toBe(first);
    expect(sealNonce(render("b", p), p).nonce).not.toBe(first);
  });
});
