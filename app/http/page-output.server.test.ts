import { describe, expect, it } from "vitest";
import { PageOutput } from "./page-output.server";

function chunksOf(output: PageOutput): Buffer[] {
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  return chunks;
}

describe("a page's output stream", () => {
  it("passes on what React wrote as one chunk when React flushes, and the rest at the end", async () => {
    const output = new PageOutput();
    const chunks = chunksOf(output);
    output.write(Buffer.from("<!DOCTYPE html><html>"));
    output.write(Buffer.from("<body>清远"));
    output.flush();
    output.write(Buffer.from("</body></html>"));
    await new Promise((resolve) => output.end(resolve));
    expect(chunks.map(String)).toEqual(["<!DOCTYPE html><html><body>清远", "</body></html>"]);
  });

  it("drops every NUL byte, wherever React's 2 KB buffers left them, and keeps every other byte", async () => {
    const output = new PageOutput();
    const chunks = chunksOf(output);
    output.write(Buffer.from([0, 0x3c, 0x70, 0, 0, 0x3e]));
    output.write(Buffer.concat([Buffer.from("残疾人证"), Buffer.from([0]), Buffer.from("</p>"), Buffer.from([0])]));
    await new Promise((resolve) => output.end(resolve));
    expect(Buffer.concat(chunks).toString()).toBe("<p>残疾人证</p>");
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
});
