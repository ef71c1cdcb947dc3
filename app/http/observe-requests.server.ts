import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { clientNetwork, loggableTarget } from "~/modules/observability/log-target";
import { logger } from "~/modules/observability/logger.server";
import { httpDuration, httpRequests } from "~/modules/observability/metrics.server";
import { requestIdFor, runWithRequestId } from "~/modules/observability/request-context.server";

/** What the portal handler (portal-handler.server.ts) leaves for the access line: the route the URL reached. */
export interface ObservedLocals {
  route?: string;
}

/** Static files (express.static answers them before the portal handler runs) under one label. */
const staticRoute = "(static)";

/**
 * The first thing scripts/serve.mjs runs for every request: it gives the request an id (request-context.server.ts),
 * sends it back as `X-Request-Id`, runs everything after it inside that id (so every log line written for the
 * request carries it), and when the answer is done writes one access line and counts the request in the metrics:
 * method, route pattern, target without query values, status, duration, bytes sent, the client's network.
 * Never a body, a cookie, a query value or a full address.
 */
export function observeRequests({ trustProxy }: { trustProxy: boolean }) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req.headers["x-request-id"], trustProxy);
    res.setHeader("X-Request-Id", requestId);

    // Bytes of the body as sent: this runs before the compression middleware, which writes through it.
    let bytes = 0;
    const count = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === "string") bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ExpressResponse, chunk: unknown, ...rest: unknown[]) {
      count(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ExpressResponse, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== "function") count(chunk, rest[0]);
      return (end as (...args: unknown[]) => ExpressResponse).call(this, chunk, ...rest);
    } as typeof res.end;

    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals as ObservedLocals).route ?? staticRoute;
      const method = req.method;
      const status = res.statusCode;
      httpRequests.inc({ method, route, status: String(status) });
      httpDuration.observe({ method, route }, seconds);
      logger.info(
        {
          requestId,
          method,
          route,
          path: loggableTarget(req.originalUrl ?? req.url ?? "/"),
          status,
          ms: Math.round(seconds * 10_000) / 10,
          bytes,
          client: clientNetwork(req.ip ?? req.socket.remoteAddress),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    };
    res.once("finish", finish);
    res.once("close", finish);
    runWithRequestId(requestId, next);
  };
}
