import { describe, expect, it } from "vitest";
import { requestIdFor } from "./request-context.server";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("a request's id", () => {
  it("is new and random unless a trusted proxy sent one", () => {
    const a = requestIdFor(undefined, false);
    expect(a).toMatch(uuid);
    expect(requestIdFor(undefined, false)).not.toBe(a);
    expect(requestIdFor("nginx-4f1c2a9b7e", false)).toMatch(uuid);
  });

  it("is the proxy's own behind TRUST_PROXY when it is a sane token", () => {
    expect(requestIdFor("nginx-4f1c2a9b7e", true)).toBe("nginx-4f1c2a9b7e");
    expect(requestIdFor(["0f3a9c2e-1b7d-4e8a-9c3f-5d6e7f8a9b0c", "other"], true)).toBe("0f3a9c2e-1b7d-4e8a-9c3f-5d6e7f8a9b0c");
  });

  it("is never what a proxy passed on when it is odd: spaces, quotes, too short or long, a personal number", () => {
    for (const odd of ["", "short", "has space in it", 'quote"d-value', "x".repeat(129), "line\nbreak-value", "13812345678", "id-44180219900101123X"]) {
      expect(requestIdFor(odd, true), odd).toMatch(uuid);
    }
  });
});
