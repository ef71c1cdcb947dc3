import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";

/**
 * How many bytes a request body may have (docs/security.md, "Request limits"). Checked at the edge before
 * anything reads the body: a declared Content-Length over the limit is refused at once, and a body without one
 * (chunked) is counted while it is read and cut off at the limit, so nothing larger is ever held in memory.
 */
const KB = 1024;

/** Every form of the portal: the longest (a staff reply of 4,000 Chinese characters) is about 36 KB encoded. */
export const defaultBodyLimit = 64 * KB;

const limits: Array<{ path: RegExp; limit: number }> = [
  // The JSON API: the largest call, a loan request with a 500-character note, is under 4 KB.
  { path: /^\/api\//, limit: 16 * KB },
  // The assistant's question box: a pasted letter of up to 20,000 characters is answered on the page
  // ("at most 500 characters") instead of by the refusal page, so nothing the person typed is lost.
  { path: /^(\/en)?\/assistant$/, limit: 192 * KB },
];

/** The body limit of the route at this pathname (`.data` requests count as their page). */
export function bodyLimitFor(pathname: string): number {
  const page = pathname.replace(/\.data$/, "");
  return limits.find((l) => l.path.test(page))?.limit ?? defaultBodyLimit;
}

/** The error a body stream fails with when it grows past its limit. */
export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** The declared Content-Length, or null when there is none (or it is not a plain number). */
export function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers["content-length"];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * The request's body as a web stream that fails with BodyTooLarge once more than `limit` bytes arrived. Reading
 * pauses the socket whenever the reader is not asking for more, so a slow reader never buffers a fast sender.
 */
export function limitedBody(req: IncomingMessage, limit: number, onExceeded: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received <= limit) return done(null, chunk);
      req.unpipe(counter);
      req.pause();
      onExceeded();
      done(new BodyTooLarge(limit));
    },
  });
  req.on("error", (error) => counter.destroy(error));
  req.on("aborted", () => counter.destroy(new Error("request aborted")));
  req.pipe(counter);
  return createReadableStreamFromReadable(counter);
}
