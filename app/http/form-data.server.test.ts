import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxFormFields, readFormData, safeRedirectPath } from "./form-data.server";

const base = "http://portal.invalid";
const fallback = "/fallback";

/** What every answer must be: the fallback, or an ASCII path on this site that a Location header can carry. */
function assertSafe(input: string) {
  const out = safeRedirectPath(input, fallback);
  expect(out, JSON.stringify(input)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(new URL(out, base).origin, JSON.stringify(input)).toBe(base);
  // Decoding it once more cannot make it leave the site either.
  expect(safeRedirectPath(out, fallback), JSON.stringify(input)).toBe(out);
  return out;
}

describe("redirect targets (redirectTo)", () => {
  it("keep the paths the portal itself sends", () => {
    for (const path of ["/", "/admin/audit", "/en/admin", "/search?q=%E8%BD%AE%E6%A4%85&page=2", "/policies/disability-subsidy#article-3"]) {
      expect(safeRedirectPath(path, fallback)).toBe(path);
    }
  });

  it("refuse other sites, header and log injection, and their encoded spellings", () => {
    const attacks = [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/%09/evil.example",
      "/\n/evil.example",
      "/x\r\nSet-Cookie: a=b",
      "/x%0d%0aSet-Cookie:%20a=b",
      "/%2F%2Fevil.example",
      "/%2fevil.example",
      "/%5Cevil.example",
      "/..//evil.example",
      "/a/../..//evil.example",
      "/x\u0000y",
      "/x\u202eevil",
      "/x y",
      "/%E4",
      "javascript:alert(1)",
      "",
      `/${"a".repeat(3000)}`,
    ];
    for (const attack of attacks) expect(safeRedirectPath(attack, fallback), JSON.stringify(attack)).toBe(fallback);
    expect(safeRedirectPath(null, fallback)).toBe(fallback);
  });

  it("percent-encode other non-ASCII characters instead of letting them break the Location header", () => {
    expect(safeRedirectPath("/search?q=轮椅", fallback)).toBe("/search?q=%E8%BD%AE%E6%A4%85");
    expect(safeRedirectPath("/政策", fallback)).toBe("/%E6%94%BF%E7%AD%96");
  });

  it("whatever the input, the answer is the fallback or an ASCII path on this site (property)", () => {
    const pieces = fc.constantFrom("/", "//", "\\", "\t", "\r", "\n", "\u0000", "%", "%2F", "%5C", "%0A", "%09", "..", ".", "?", "#", "@", ":", "evil.example", "轮椅", "\u202e", "\u2028", "\ud800", " ", "http:", "a");
    const hostile = fc.array(fc.oneof(pieces, fc.string({ unit: "grapheme", maxLength: 4 }), fc.string({ unit: "binary-ascii", maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(hostile, (input) => {
        assertSafe(input);
        assertSafe(`/${input}`);
      }),
      { numRuns: 1000 },
    );
  });

  it("a plain path of this site comes back unchanged (property)", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(fc.stringMatching(/^[a-z]{1,5}=[a-z0-9]{0,5}$/)), (segments, query) => {
        const path = `/${segments.join("/")}${query ? `?${query}` : ""}`;
        expect(safeRedirectPath(path, fallback)).toBe(path);
      }),
    );
  });
});

describe("reading a form", () => {
  const posted = (body: string) => new Request("http://portal.invalid/", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });

  it("gives the fields of an ordinary form", async () => {
    expect(Object.fromEntries(await readFormData(posted("topic=other&message=%E4%BD%A0%E5%A5%BD")))).toEqual({ topic: "other", message: "你好" });
  });

  it("refuses tens of thousands of tiny fields (400) before anything parses them further", async () => {
    expect((await readFormData(posted("a=1&".repeat(maxFormFields)))).getAll("a").length).toBe(maxFormFields);
    const refused = await readFormData(posted("a=1&".repeat(15_000))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(400);
  });
});
