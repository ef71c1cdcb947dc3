import { describe, expect, it } from "vitest";
import { PageOutput } from "./page-output.server";

function chunksOf(output: PageOutput): Buffer[] {
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  return chunks;
}

describe("a page's output stream", () => {
  it("passes on what React wrote as one chunk when asked to flush, and the rest at the end", async () => {
    const output = new PageOutput();
    const chunks = chunksOf(output);
    output.write(Buffer.from("<!DOCTYPE html><html>"));
    output.write(Buffer.from("<body>清远"));
    output.flush();
    output.write(Buffer.from("</body></html>"));
    await new Promise((resolve) => output.end(resolve));
    expect(chunks.map(String)).toEqual(["<!DOCTYPE html><html><body>清远", "</body></html>"]);
  });

  it("writes </body></html> last, after what React streams once the shell has ended the document", async () => {
    const output = new PageOutput();
    const chunks = chunksOf(output);
    output.write(Buffer.from("<html><body><main>清远</main></body></html><!--$--><script>a()</script><!--/$-->"));
    output.flush();
    output.write(Buffer.from("<script>b()</script>"));
    output.flush();
    await new Promise((resolve) => output.end(resolve));
    expect(chunks.map(String)).toEqual(["<html><body><main>清远</main><!--$--><script>a()</script><!--/$-->", "<script>b()</script>", "</body></html>"]);
  });

  it("finds the end of the document when it is split between two passes", async () => {
    const output = new PageOutput();
    const chunks = chunksOf(output);
    output.write(Buffer.from("<p>a</p></bo"));
    output.flush();
    output.write(Buffer.from("dy></html><script>b()</script>"));
    await new Promise((resolve) => output.end(resolve));
    expect(Buffer.concat(chunks).toString()).toBe("<p>a</p><script>b()</script></body></html>");
  });

  it("passes on what arrives before the event loop turns as one chunk: one pass of React's renderer", async () => {
    const output = new PageOutput();
    const chunks = chunksOf(output);
    for (const piece of ["<html><body>", "<p>清远</p>", "<p>残联</p>"]) output.write(Buffer.from(piece));
    await new Promise((resolve) => setImmediate(resolve));
    output.write(Buffer.from("<p>later</p>"));
    await new Promise((resolve) => output.end(resolve));
    expect(chunks.map(String)).toEqual(["<html><body><p>清远</p><p>残联</p>", "<p>later</p>"]);
  });
});
