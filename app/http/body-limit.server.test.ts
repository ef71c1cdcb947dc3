import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BodyTooLarge, bodyLimitFor, defaultBodyLimit, limitedBody } from "./body-limit.server";

describe("body limits by route", () => {
  it("64 KB for forms, 16 KB for the JSON API, 192 KB for the assistant's question box", () => {
    expect(bodyLimitFor("/feedback")).toBe(defaultBodyLimit);
    expect(defaultBodyLimit).toBe(64 * 1024);
    expect(bodyLimitFor("/admin/cinema/new")).toBe(64 * 1024);
    expect(bodyLimitFor("/api/v1/chat")).toBe(16 * 1024);
    expect(bodyLimitFor("/assistant")).toBe(192 * 1024);
    expect(bodyLimitFor("/en/assistant.data")).toBe(192 * 1024);
    expect(bodyLimitFor("/assistant/eligibility/disability")).toBe(64 * 1024);
  });
});

describe("a body counted while it is read", () => {
  let server: http.Server;
  let url: string;
  const seen: Array<{ text?: string; error?: string; exceeded: boolean }> = [];
  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      let exceeded = false;
      try {
        const text = await new Response(limitedBody(req, 1000, () => (exceeded = true))).text();
        seen.push({ text, exceeded });
        res.end("read");
      } catch (error) {
        seen.push({ error: error instanceof BodyTooLarge ? "BodyTooLarge" : String(error), exceeded });
        res.writeHead(413, { Connection: "close" }).end("too large");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A chunked body (no Content-Length), as a stream of 1 KB pieces; endless without a size. */
  const chunked = (bytes = Infinity) => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        const n = Math.min(1024, bytes - sent);
        sent += n;
        controller.enqueue(new Uint8Array(n).fill(97));
      },
    });
  };

  it("passes a body within the limit through unchanged", async () => {
    const res = await fetch(url, { method: "POST", body: chunked(1000), duplex: "half" } as RequestInit);
    expect(await res.text()).toBe("read");
    expect(seen.at(-1)).toEqual({ text: "a".repeat(1000), exceeded: false });
  });

  it("fails the read with BodyTooLarge once a chunked body passes the limit, and answers an upload that never ends", async () => {
    const res = await fetch(url, { method: "POST", body: chunked(), duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(seen.at(-1)).toEqual({ error: "BodyTooLarge", exceeded: true });
  });
});
