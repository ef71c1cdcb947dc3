import { Transform, type TransformCallback } from "node:stream";

/**
 * What React writes, passed on as one chunk each time React finishes a pass over the page instead of one per
 * 2 KB of it: React calls `flush()` on its destination when it has nothing more to write for now (the convention
 * of zlib streams and Express's compression), so a page that is ready at once leaves as one or two chunks through
 * the web stream, Remix, the edge and the socket, not a dozen (docs/benchmarks.md).
 *
 * And without NUL bytes: React 18's streaming renderer flushes its whole 2 KB buffer when a multi-byte character
 * (most Chinese text) does not fit at its end, so unwritten zero bytes reach the page (facebook/react#31134;
 * fixed in React 19). A NUL is never part of this portal's HTML — UTF-8 never uses the byte 0x00 inside a
 * character, and stored text has none (db/strip-nul-plugin.ts) — so every one is dropped on the way out.
 */
export class PageOutput extends Transform {
  private pending: Buffer[] = [];

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.pending.push(chunk);
    callback();
  }

  flush() {
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.push(withoutNulBytes(chunk));
  }

  override _flush(callback: TransformCallback) {
    this.flush();
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
