import type { IncomingMessage } from "node:http";
import { writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { bodyLimitFor, declaredLength, limitedBody } from "./body-limit.server";
import { corpusGeneration } from "~/modules/content/corpus.server";
import { dataVersion, getConnection, queryLog, type QueryLog } from "~/modules/db/index.server";
import { pageCache as pageCacheMetric } from "~/modules/observability/metrics.server";
import { readPreferences } from "~/modules/preferences/preferences.server";
import { cacheControlFor, isPublicPage, publicPageCaching, queryCarriesPersonalNumber } from "./cache-policy";
import { guardBuild, type EdgeState } from "./guarded-build.server";
import { cachedPage, matchesIfNoneMatch, PageCache, pageCacheKey, type CachedPage } from "./page-cache.server";
import { placeholderNonce, sealNonce } from "./page-cache-nonce.server";
import type { ObservedLocals } from "./observe-requests.server";
import { createRouteLabeller } from "./route-label.server";
import { createPartitionedRequestHandler } from "./route-partition.server";
import { apiRefusal, bytesToKb, isApiPath } from "./refusal.server";
import { isSafeMethod, judgeOrigin } from "./request-origin.server";
import { isIndexable, noindexHeader } from "./search-indexing.server";

/**
 * The portal's HTTP edge: what scripts/serve.mjs runs for every request that is not a static file, in place of
 * @remix-run/express's handler (which hands Remix the raw request stream). Before any route runs it
 * - refuses a state-changing request from another site (request-origin.server.ts),
 * - refuses a body whose declared length is over the route's limit, and counts every other body while it is read
 *   (body-limit.server.ts),
 * then lets Remix answer through the guarded build (guarded-build.server.ts), over the part of the route table that
 * can match the URL (route-partition.server.ts), and sets the caching headers of personal pages (cache-policy.ts).
 * Public content pages are answered from the cache of rendered pages when it holds a current copy
 * (page-cache.server.ts, ADR 0008), with a strong ETag and 304 for a revalidation. A body the portal did not read
 * to the end is dropped, not kept, for a moment
 * after the answer, then the connection closes. docs/security.md says what is promised and which test proves it.
 */
export interface PortalHandlerOptions {
  build: ServerBuild;
  mode?: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext | Promise<AppLoadContext>;
  /** The Content-Security-Policy for a nonce (scripts/serve.mjs). Without it public pages are not cached. */
  contentSecurityPolicy?: (nonce: string) => string;
  /** The cache of rendered public pages; null turns it off. */
  pageCache?: PageCache | null;
}

/**
 * The URL as the client asked for it: @remix-run/express's rules (Host, or X-Forwarded-Host as Express trusts it),
 * except that an X-Forwarded-Host's port counts only from a trusted proxy too.
 */
function requestUrl(req: ExpressRequest): URL | null {
  const portOf = (value: string | undefined) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const trustProxy = req.app.get("trust proxy fn") as ((address: string | undefined, hop: number) => boolean) | undefined;
  const forwardedPort = trustProxy?.(req.socket.remoteAddress, 0) ? portOf(req.get("X-Forwarded-Host")) : Number.NaN;
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : null;
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  } catch {
    return null;
  }
}

/** The request's headers as web Headers. */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

async function send(req: IncomingMessage, res: ExpressResponse, url: URL, response: Response): Promise<void> {
  const cacheControl = cacheControlFor(req.method ?? "GET", url.pathname, url.search);
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) {
    if (cacheControl && key === "cache-control") continue;
    res.append(key, value);
  }
  if (cacheControl) res.setHeader("Cache-Control", cacheControl);
  if (!req.complete) res.once("finish", () => discardRest(req));
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** How long the rest of an unread body is read and dropped after the answer, before the connection is closed. */
export const lingerMs = 2_000;

/**
 * The client is still sending a body the portal will not read (refused, or the route answered without it). Its
 * bytes are dropped as they come, never kept, for at most `lingerMs`; then the connection closes. Closing at once
 * would make the client's kernel discard the answer it has not read yet (a reset), so it would never see its 413.
 */
function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  const timer = setTimeout(() => req.socket?.destroy(), lingerMs);
  timer.unref();
  const done = () => clearTimeout(timer);
  req.once("end", done);
  req.once("close", done);
  req.unpipe();
  req.resume();
}

/** Whether a request that asks `Expect: 100-continue` should be told to send its body. */
export function shouldContinue(req: IncomingMessage): boolean {
  const length = declaredLength(req);
  return length === null || length <= bodyLimitFor(new URL(req.url ?? "/", "http://x").pathname);
}

/** The headers of a cached page, never Remix's caching or length headers (the edge sets those). */
const replayedHeader = (name: string) => !["cache-control", "content-length", "content-encoding", "etag", "vary", "set-cookie"].includes(name);

/** A cached page, or a 304 when the client already holds these bytes; gzip when the client takes it. */
function sendPage(req: ExpressRequest, res: ExpressResponse, page: CachedPage, contentSecurityPolicy: (nonce: string) => string): void {
  const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
  const etag = gzip ? page.gzipEtag : page.etag;
  // The body is sent as stored, in the representation its ETag names: the compression middleware keeps off it.
  res.locals.encodedByEdge = true;
  for (const [key, value] of page.headers) res.setHeader(key, value);
  // The nonce of these bytes: on a 304 the browser keeps the headers it is sent with the body it already has.
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(page.nonce));
  for (const [key, value] of Object.entries(publicPageCaching)) res.setHeader(key, value);
  res.setHeader("ETag", etag);
  if (matchesIfNoneMatch(req.get("if-none-match"), etag)) {
    res.status(304).end();
    return;
  }
  const body = gzip ? page.gzip : page.body;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.status(page.status).end(req.method === "HEAD" ? undefined : body);
}

/** What the page cache keeps: HTML pages, and the Atom feed. */
const storableType = /^(text\/html|application\/atom\+xml)\b/;

/** Whether Remix's answer to a public page may be kept: a plain 200 page (or feed) that wrote nothing and set no cookie. */
function storable(response: Response, log: QueryLog): boolean {
  const cacheControl = response.headers.get("cache-control") ?? "";
  return (
    response.status === 200 &&
    log.writes === 0 &&
    !response.headers.has("set-cookie") &&
    !/no-store|private/i.test(cacheControl) &&
    storableType.test(response.headers.get("content-type") ?? "")
  );
}

export function createPortalHandler({ build, mode, getLoadContext, contentSecurityPolicy, pageCache = new PageCache() }: PortalHandlerOptions) {
  const handle = createPartitionedRequestHandler(guardBuild(build), mode);
  const routeLabel = createRouteLabeller(build.routes);

  /**
   * A public content page: from the cache when its copy is current, else rendered with a placeholder nonce,
   * sealed (page-cache-nonce.server.ts) and kept if it may be. The data version is read before the render, so a
   * change committed during it makes the copy stale at its first use.
   */
  async function servePublicPage(req: ExpressRequest, res: ExpressResponse, url: URL, request: Request, context: AppLoadContext) {
    const pages = pageCache!;
    const csp = contentSecurityPolicy!;
    const key = pageCacheKey(url, await readPreferences(request));
    const cached = pages.get(key);
    const hit = (page: CachedPage) => {
      pageCacheMetric.inc({ result: "hit" });
      sendPage(req, res, page, csp);
    };
    // Every copy is stamped with the corpus it was built from (a new one is swapped in when documents change:
    // content/live.server.ts), and one that read the database with the data version too.
    const corpus = `corpus ${corpusGeneration()}`;
    if (cached?.dataVersion === corpus) return hit(cached);
    const version = `${corpus} ${await dataVersion(getConnection())}`;
    if (cached?.dataVersion === version) return hit(cached);
    if (req.method !== "GET") return send(req, res, url, await handle(request, context));
    pageCacheMetric.inc({ result: "miss" });

    const placeholder = placeholderNonce();
    const log: QueryLog = { queries: 0, writes: 0 };
    const response = await queryLog.run(log, () => handle(request, { ...context, cspNonce: placeholder }));
    res.setHeader("Content-Security-Policy", csp(placeholder));
    if (!storable(response, log)) {
      pages.delete(key);
      return send(req, res, url, response);
    }
    let rendered: string;
    try {
      rendered = await response.text();
    } catch (error) {
      // The client went away during the render: nothing to store, nobody to answer.
      if (request.signal.aborted) return;
      throw error;
    }
    const { html, nonce } = sealNonce(rendered, placeholder);
    const headers = [...response.headers.entries()].filter(([name]) => replayedHeader(name));
    const page = cachedPage({ status: response.status, headers, body: Buffer.from(html), nonce, dataVersion: log.queries ? version : corpus }, pages.now());
    pages.set(key, page);
    sendPage(req, res, page, csp);
  }

  return async function portalHandler(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    try {
      const url = requestUrl(req);
      (res.locals as ObservedLocals).route = url ? routeLabel(url.pathname) : "(unparsable)";
      if (!url) {
        res.status(400).setHeader("Connection", "close");
        res.type("text/plain; charset=utf-8").send("Bad Request");
        return;
      }
      // Staff, step, lookup and search answers, HTML or not, are kept out of search engines (search-indexing.server.ts).
      if (!isIndexable(url.pathname, url.search)) res.setHeader(...noindexHeader);
      const edge: EdgeState = { refusal: null, bodyTooLarge: null };
      const limit = bodyLimitFor(url.pathname);
      const safe = isSafeMethod(req.method);
      const headers = webHeaders(req);
      if (!safe && judgeOrigin(headers, { host: url.host, secure: req.secure }) === "foreign") {
        edge.refusal = { kind: "cross_site" };
      } else if ((declaredLength(req) ?? 0) > limit) {
        edge.refusal = { kind: "too_large", limitKb: bytesToKb(limit) };
      }
      // The Origin of a state-changing request is judged: Remix's own narrower check (a 500 on a mismatch) never runs.
      if (!safe) headers.delete("origin");

      let controller: AbortController | null = new AbortController();
      res.on("finish", () => (controller = null));
      res.on("close", () => controller?.abort());
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
      if (!safe && !edge.refusal) {
        init.body = limitedBody(req, limit, () => (edge.bodyTooLarge = limit));
        init.duplex = "half";
      }
      let request: Request;
      try {
        request = new Request(url.href, init);
      } catch {
        // A method the web platform does not allow (TRACE, CONNECT): nothing here answers it.
        res.status(405).setHeader("Connection", "close");
        res.type("text/plain; charset=utf-8").send("Method Not Allowed");
        return;
      }

      // The JSON API is answered here; a page's refusal is rendered by the root (guarded-build.server.ts).
      if (edge.refusal && isApiPath(url.pathname)) return await send(req, res, url, apiRefusal(edge.refusal, request));
      const context = { ...(await getLoadContext?.(req, res)), edge };
      if (pageCache && contentSecurityPolicy && !edge.refusal && (req.method === "GET" || req.method === "HEAD") && isPublicPage(url.pathname) && !queryCarriesPersonalNumber(url.search)) {
        return await servePublicPage(req, res, url, request, context);
      }
      await send(req, res, url, await handle(request, context));
    } catch (error) {
      next(error);
    }
  };
}
