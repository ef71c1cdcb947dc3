// The production server: Express in front of the Remix build, with the security headers every response
// carries. `npm start` (scripts/start.mjs) prepares the build, database and index and then imports this, or runs
// it in each worker (scripts/workers.mjs). SIGTERM/SIGINT: finish the in-flight requests, close the database, exit.
// Everything it writes is a JSON log line (app/modules/observability/logger.server.ts), one access line a request.
import cluster from "node:cluster";
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { metricsAddress, serveMetrics } from "./metrics-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const build = await import(pathToFileURL(path.join(root, "build/server/index.js")).href);
// The HTTP edge (app/http/portal-handler.server.ts): origin checks, body limits, caching of personal pages.
const { createPortalHandler, shouldContinue, startBackgroundJobs, startContent, closeDatabase, observeRequests, logger, metricsText, metricsContentType } = build.entry.module;
// A crash is a log line too (masked, JSON), not Node's plain stack on stderr; the process still ends, with code 1.
process.on("uncaughtException", (error) => {
  logger.fatal(error);
  process.exit(1);
});
// Under several workers (scripts/workers.mjs) only the first runs the background jobs.
if (process.env.PORTAL_BACKGROUND_JOBS !== "0") startBackgroundJobs?.();
// Every process serves the database's documents, and follows their changes (app/modules/content/live.server.ts).
await startContent?.();

export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Style attributes in the server's HTML: the bar charts' widths (components/centre/BarChart.tsx), the eligibility
    // check's `display: contents` rows, and React Aria's (DateTimeField's visually hidden input, the searchable
    // select's popover position). A style attribute cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const app = express();
let closing = false;
app.disable("x-powered-by");
// Behind a reverse proxy set TRUST_PROXY=1 so rate limits see the client's address, not the proxy's.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : process.env.TRUST_PROXY);
// First of all: the request's id (the proxy's X-Request-Id only behind TRUST_PROXY), its access line and metrics.
app.use(observeRequests({ trustProxy: Boolean(process.env.TRUST_PROXY) }));
// A cached page is sent in the representation its ETag names, compressed or not (app/http/portal-handler.server.ts).
app.use(compression({ filter: (req, res) => !res.locals.encodedByEdge && compression.filter(req, res) }));

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // Over TLS (directly, or behind a TRUST_PROXY proxy that says X-Forwarded-Proto: https) browsers keep to https.
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  // While shutting down, an answer tells its client to open its next connection elsewhere (another worker, or later).
  if (closing) res.setHeader("Connection", "close");
  next();
});

app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));

const portal = createPortalHandler({
  build,
  mode: process.env.NODE_ENV ?? "production",
  // Public content pages are cached with a nonce of their own (app/http/page-cache-nonce.server.ts).
  contentSecurityPolicy,
  // PAGE_CACHE=0 renders every page (profiling the render, or comparing with the cache).
  ...(process.env.PAGE_CACHE === "0" ? { pageCache: null } : {}),
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" }),
});
// The JSON API answers every one of its URLs in its own error shape, one whose escapes cannot be decoded too:
// `app.all("*")` decodes the path as a parameter and refuses such a URL with the plain-text 400 below.
app.use((req, res, next) => (req.path === "/api" || req.path.startsWith("/api/") ? portal(req, res, next) : next()));
app.all("*", portal);

// Anything that still throws (a body Express cannot parse, say) is the client's mistake, not a 500.
app.use((error, req, res, _next) => {
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) logger.error(error);
  res.status(status).type("text/plain; charset=utf-8").send(status === 500 ? "Internal Server Error" : "Bad Request");
});

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "localhost";
const server = app.listen(port, host, () => {
  logger.info({ url: `http://${host}:${port}` }, "清远市残联服务门户 listening");
});
// A single process serves its own metrics on METRICS_PORT; under several workers the primary serves them all.
if (!cluster.isWorker) {
  let metrics = null;
  try {
    metrics = metricsAddress();
  } catch (error) {
    logger.fatal(error.message);
    process.exit(1);
  }
  if (metrics) {
    serveMetrics({ ...metrics, collect: metricsText, contentType: metricsContentType, logger }).then(
      () => logger.info({ url: `http://${metrics.host}:${metrics.port}/metrics` }, "metrics listening"),
      (error) => {
        logger.fatal({ err: error.message }, `metrics: cannot listen on ${metrics.host}:${metrics.port}`);
        process.exit(1);
      },
    );
  }
}
// An idle keep-alive connection stays open longer than a reverse proxy's or a client's idle timeout (nginx's
// upstream keepalive_timeout is 60 s): with Node's 5 s default, a request sent on a connection the server is
// just closing is lost (ECONNRESET, seen from Playwright's request context in the browser tests).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// `Expect: 100-continue` with a declared body over the limit: answer 413 at once instead of inviting the upload.
server.on("checkContinue", (req, res) => {
  if (shouldContinue(req)) res.writeContinue();
  app(req, res);
});

/** How long in-flight requests may take after SIGTERM before their connections are cut (scripts/workers.mjs waits longer). */
const shutdownGraceMs = 10_000;

/**
 * Graceful shutdown: stop accepting connections, let the requests already in flight finish (a keep-alive
 * connection is closed as soon as it is idle), close the database, exit 0. After the grace period whatever is
 * still open is cut and the exit code is 1.
 */
function shutDown() {
  if (closing) return;
  closing = true;
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => {
    server.closeAllConnections();
    finish(1);
  }, shutdownGraceMs);
  const finish = async (code) => {
    clearInterval(idle);
    clearTimeout(cut);
    try {
      await closeDatabase?.();
    } catch (error) {
      logger.error(error);
      code = 1;
    }
    process.exit(code);
  };
  server.close(() => finish(0));
  server.closeIdleConnections();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, shutDown);
