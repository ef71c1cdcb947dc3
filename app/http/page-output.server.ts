import { Transform, type TransformCallback } from "node:stream";

/** The end of the document as React writes it with the shell. */
const documentEnd = Buffer.from("</body></html>");

/**
 * What React writes, passed on as one chunk for each pass React makes over the page instead of one per 512 bytes
 * of it: React's web-streams renderer writes a pass synchronously, so what has arrived when the event loop next
 * turns (setImmediate) is one pass, and a page that is ready at once leaves as one or two chunks through the web
 * stream, Remix, the edge and the socket, not a hundred (docs/benchmarks.md).
 *
 * With the document's end last: Remix's single fetch renders the stream of loader data (`<script>`s in a
 * Suspense boundary) as a sibling after the whole document, and React 18 writes what comes after `</html>`
 * after it, so every page ended in scripts after `</html>` (the W3C checker's "Stray start tag script", a
 * fatal error that hid every later one). `</body></html>` is held back and written when React has finished, as
 * React 19 does with its postamble; the scripts land at the end of the body.
 *
 * No NUL byte to drop: entry.server.tsx renders with the renderer that does not leave them (facebook/react#31134).
 */
export class PageOutput extends Transform {
  private pending: Buffer[] = [];
  /** Bytes that may be the start of `</body></html>` split between two passes, or the held-back end itself. */
  private held = Buffer.alloc(0);
  private endSeen = false;
  private scheduled = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.pending.push(chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
    callback();
  }

  /** Passes on what has arrived as one chunk (also called by the tests). */
  flush() {
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
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
