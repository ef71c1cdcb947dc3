import { describe, expect, it } from "vitest";
import { judgeOrigin } from "./request-origin.server";

const site = { host: "127.0.0.1:3000", secure: false };
const judge = (headers: Record<string, string>, where = site) => judgeOrigin(new Headers(headers), where);

describe("where a state-changing request comes from", () => {
  it("trusts the browser's Sec-Fetch-Site: only same-origin and the person's own action pass", () => {
    expect(judge({ "Sec-Fetch-Site": "same-origin" })).toBe("same-origin");
    expect(judge({ "Sec-Fetch-Site": "none" })).toBe("same-origin");
    // Another port of the same host is "same-site": the attack of issue 12, item 3.
    expect(judge({ "Sec-Fetch-Site": "same-site", Origin: "http://127.0.0.1:3000" })).toBe("foreign");
    expect(judge({ "Sec-Fetch-Site": "cross-site" })).toBe("foreign");
  });

  it("without Sec-Fetch-Site, compares Origin with the host and port the request was sent to", () => {
    expect(judge({ Origin: "http://127.0.0.1:3000" })).toBe("same-origin");
    expect(judge({ Origin: "http://127.0.0.1:3001" })).toBe("foreign");
    expect(judge({ Origin: "http://evil.example" })).toBe("foreign");
    expect(judge({ Origin: "http://portal.example" }, { host: "Portal.Example:80", secure: false })).toBe("same-origin");
    // Behind a TLS proxy the portal may not know the scheme; the host still has to match.
    expect(judge({ Origin: "https://portal.example" }, { host: "portal.example", secure: false })).toBe("same-origin");
    // Known to be TLS: the plain-http twin of the site is another origin.
    expect(judge({ Origin: "http://portal.example" }, { host: "portal.example", secure: true })).toBe("foreign");
  });

  it("treats opaque, malformed and non-web origins as foreign, never as an error", () => {
    for (const origin of ["null", "", "garbage", "http://", "file:///etc/passwd", "http://127.0.0.1:3000/path", "http://user@127.0.0.1:3000", "chrome-extension://abc"]) {
      expect(judge({ Origin: origin }), origin).toBe("foreign");
    }
  });

  it("lets clients that are not browsers through (curl, partner apps, tests): they carry neither header", () => {
    expect(judge({})).toBe("not-a-browser");
  });
});
