import { Transform, type TransformCallback } from "node:stream";

/** The end of the document as React writes it with the shell. */
const documentEnd = Buffer.from("</body></html>");

/**
 * What React writes, passed on as one chunk each time React finishes a pass over the page instead of one per
 * 2 KB of it: React calls `flush()` on its destination when it has nothing more to write for now (the convention
 * of zlib streams and Express's compression), so a page that is ready at once leaves as one or two chunks through
 * the web stream, Remix, the edge and the socket, not a dozen (docs/benchmarks.md).
 *
 * With the document's end last: Remix's single fetch renders the stream of loader data (`<script>`s in a
 * Suspense boundary) as a sibling after the whole document, and React 18 writes what comes after `</html>`
 * after it, so every page ended in scripts after `</html>` (the W3C checker's "Stray start tag script", a
 * fatal error that hid every later one). `</body></html>` is held back and written when React has finished, as
 * React 19 does with its postamble; the scripts land at the end of the body.
 *
 * And without NUL bytes: React 18.3's streaming renderer (react-dom-server.node, writeStringChunk) writes its
 * whole 2 KB view, not the bytes written into it, when a multi-byte character does not fit at its end, so one or
 * two unwritten zero bytes reach the page (facebook/react#24985, #31134; fixed in React 19). That is React's code:
 * this side of it can only drop them. A NUL is never part of this portal's HTML — UTF-8 never uses the byte 0x00
 * inside a character, and stored text has none (db/strip-nul-plugin.ts) — so every one is dropped on the way out.
 */
export class PageOutput extends Transform {
  private pending: Buffer[] = [];
  /** Bytes that may be the start of `</body></html>` split between two passes, or the held-back end itself. */
  private held = Buffer.alloc(0);
  private endSeen = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.pending.push(chunk);
    callback();
  }

  flush() {
    if (this.pending.length === 0) return;
    const chunk = withoutNulBytes(this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending));
    this.pending = [];
    const out = this.endSeen ? chunk : this.holdDocumentEnd(chunk);
    if (out.length) this.push(out);
  }

  /** The chunk without `</body></html>` (kept for the very end), and without a tail that may start it. */
  private holdDocumentEnd(chunk: Buffer): Buffer {
    const text = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const at = text.indexOf(documentEnd);
    if (at >= 0) {
      this.endSeen = true;
      this.held = documentEnd;
      return Buffer.concat([text.subarray(0, at), text.subarray(at + documentEnd.length)]);
    }
    // Keep back as much of the end of this chunk as could be the first bytes of `</body></html>`.
    let keep = Math.min(documentEnd.length - 1, text.length);
    while (keep > 0 && !documentEnd.subarray(0, keep).equals(text.subarray(text.length - keep))) keep--;
    this.held = Buffer.from(text.subarray(text.length - keep));
    return text.subarray(0, text.length - keep);
  }

  override _flush(callback: TransformCallback) {
    this.flush();
    if (this.held.length) this.push(this.held);
    this.held = Buffer.alloc(0);
    callback();
  }
}

/** The bytes without their zeros, copied in runs between them (a byte-by-byte filter was slow on 50 KB pages). */
function withoutNulBytes(chunk: Buffer): Buffer {
  let zero = chunk.indexOf(0);
  if (zero < 0) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  let start = 0;
  while (zero >= 0) {
    length += chunk.copy(out, length, start, zero);
    start = zero + 1;
    zero = chunk.indexOf(0, start);
  }
  length += chunk.copy(out, length, start);
  return out.subarray(0, length);
}
