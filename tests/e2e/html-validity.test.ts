import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL } from "./browser";
import { sitePages, withLocale } from "./site-pages";
import { sessionCookie } from "./staff";
// `fetch` checks every /api/ answer against the OpenAPI document the portal serves (tests/support/openapi-check.ts).
import { checkedFetch as fetch } from "../support/openapi-check";

/**
 * Every page's served HTML is valid for the W3C Nu HTML Checker (issue 19, item 15): what crawlers, assistive
 * technology and the validator read is the markup as sent, not what a browser repairs. Every public page in both
 * languages and a few staff pages are fetched, then checked in one run of the checker (one JVM start for all).
 */
const require = createRequire(import.meta.url);
const vnuJar = String(require("vnu-jar"));

interface Served {
  url: string;
  file: string;
  bytes: Buffer;
}

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const staffPages = ["/admin", "/admin/cinema", "/admin/devices", "/admin/devices/stocktake", "/admin/feedback", "/admin/audit", "/admin/messages", "/en/admin/users"];

let dir: string;
const served: Served[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-html-"));
  const cookie = await sessionCookie("admin");
  const screenings = ((await (await fetch(`${baseURL()}/api/v1/screenings`)).json()) as { screenings: Array<{ id: string }> }).screenings;
  const publicPaths = [...sitePages.map((p) => p.path), `/cinema/${screenings[0]!.id}`].flatMap((p) => [withLocale(p, "zh-CN"), withLocale(p, "en")]);
  const pages = [...publicPaths.map((url) => ({ url, headers: {} })), ...staffPages.map((url) => ({ url, headers: { Cookie: cookie } }))];
  for (const [i, page] of pages.entries()) {
    const res = await fetch(`${baseURL()}${page.url}`, { headers: page.headers, redirect: "manual" });
    expect(res.headers.get("content-type"), page.url).toMatch(/^text\/html/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const file = path.join(dir, `page-${i}.html`);
    fs.writeFileSync(file, bytes);
    served.push({ url: page.url, file, bytes });
  }
}, 120_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the HTML every page serves", () => {
  it("holds no NUL byte (React 18's streaming renderer used to leave them at 2 KB boundaries)", () => {
    const withNul = served.filter((page) => page.bytes.includes(0)).map((page) => page.url);
    expect(withNul).toEqual([]);
  });

  it("passes the W3C Nu HTML Checker without an error", () => {
    expect(served.length).toBeGreaterThan(70);
    const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--stdout", ...served.map((page) => page.file)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error, "java -jar vnu.jar could not run").toBeUndefined();
    const { messages } = JSON.parse(run.stdout) as { messages: NuMessage[] };
    const byFile = new Map(served.map((page) => [`file:${page.file}`, page.url]));
    const report = messages.map((m) => `${byFile.get(m.url ?? "") ?? m.url}:${m.lastLine ?? ""} ${m.type}${m.subType ? `/${m.subType}` : ""}: ${m.message} [${(m.extract ?? "").trim()}]`);
    expect(report).toEqual([]);
  });
});
