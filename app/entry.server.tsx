import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
// The web-streams renderer, not renderToPipeableStream: React 18.3's Node renderer writes its whole 2 KB buffer,
// not the bytes written into it, when a multi-byte character does not fit at its end, and one or two NUL bytes
// reach the page (facebook/react#24985, #31134; fixed only in React 19). This one encodes each piece of text
// whole before buffering it and writes only the bytes written. Node has web streams, as it has TextEncoder.
import { renderToReadableStream } from "react-dom/server.browser";
import { NonceProvider } from "~/components/nonce";
import { hasFormErrors, ServerFormErrors } from "~/components/use-form-errors-state";
import { PageOutput } from "~/http/page-output.server";
import { localeFromPathname } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/use-t";
import { startCorpusSync, type CorpusSync } from "~/modules/content/live.server";
import { getConnection, getDb } from "~/modules/db/index.server";
import { startMessageWorker, type MessageWorker } from "~/modules/messages/index.server";
import { sweepBackgroundJobs } from "~/modules/background/index.server";
import { logger, routeConsoleToLogger } from "~/modules/observability/logger.server";
import { collectServerMetrics } from "~/modules/observability/metrics.server";
import { schedulePurge } from "~/modules/privacy/retention.server";

const ABORT_DELAY = 5_000;

// Every line the server writes through console is a masked JSON log line, whoever writes it (docs/security.md).
routeConsoleToLogger();
// Process metrics, and every worker's counts for the primary's scrape (README, "Logs and metrics").
collectServerMetrics();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const url = new URL(request.url);
  const locale = localeFromPathname(url.pathname);
  const nonce = loadContext.cspNonce;
  // Crawlers and no-JavaScript clients get the complete document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") || "");

  let shellRendered = false;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ABORT_DELAY);
  // A shell that fails rejects here, and Remix answers with its error page, as before.
  const stream = await renderToReadableStream(
    <NonceProvider value={nonce}>
      <TranslationProvider t={getFixedT(locale)} locale={locale}>
        {/* <head> is written before the page that shows the errors: the title's "错误：" comes from the action's answer
            (or a GET form's loader, such as the retrieval test). */}
        <ServerFormErrors value={hasFormErrors(remixContext.staticHandlerContext.actionData) || hasFormErrors(remixContext.staticHandlerContext.loaderData)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </ServerFormErrors>
      </TranslationProvider>
    </NonceProvider>,
    {
      nonce,
      signal: abort.signal,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) logger.error(error);
      },
    },
  );
  shellRendered = true;
  const done = () => clearTimeout(timer);
  stream.allReady.then(done, done);
  if (waitForAll) await stream.allReady;
  const body = Readable.fromWeb(stream as unknown as NodeReadableStream<Uint8Array>).pipe(new PageOutput());
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Server errors are logged with personal numbers masked, and Remix's own 4xx responses (a POST to a page
 * without an action, say) with what caused them; aborted requests are not errors.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error(error);
}

/** The server's log, request ids and metrics (scripts/serve.mjs; README, "Logs and metrics"). */
export { logger };
export { observeRequests } from "~/http/observe-requests.server";
export { metricsText, metricsContentType } from "~/modules/observability/metrics.server";

/** The HTTP edge scripts/serve.mjs runs in front of the routes (docs/security.md). */
export { createPortalHandler, shouldContinue } from "~/http/portal-handler.server";

let messageWorker: MessageWorker | null = null;

/**
 * Started once by the production server (scripts/serve.mjs): the daily retention purge, and the message delivery
 * loop (app/modules/messages; MESSAGE_INTERVAL_MS). Under several workers only the first runs them; several
 * instances on one PostgreSQL each run a delivery loop, which is safe: every message is leased before it is sent.
 */
export function startBackgroundJobs() {
  schedulePurge(getDb);
  // Each delivery round first moves run-out waiting-list offers (cinema seats, activity places) on to the next person
  // (their texts go in that round).
  messageWorker ??= startMessageWorker(getConnection, { beforeRound: (now) => sweepBackgroundJobs(getDb(), now) });
}

let corpusSync: CorpusSync | null = null;

/**
 * Run by every server process before it listens (scripts/serve.mjs, each worker): the corpus of the database's
 * published documents is served, and followed while the process runs (app/modules/content/live.server.ts: a new
 * corpus version is indexed beside the current one and swapped in). A database that cannot be read leaves the files'
 * corpus in use, with an error in the log.
 */
export async function startContent() {
  if (corpusSync) return;
  try {
    corpusSync = await startCorpusSync(getConnection, { log: logger });
  } catch (error) {
    logger.error({ err: (error as Error).message }, "documents could not be read from the database; serving knowledge/");
  }
}

/** Graceful shutdown (scripts/serve.mjs): the database is closed once the last request has been answered. */
export async function closeDatabase() {
  corpusSync?.stop();
  await messageWorker?.stop();
  await getDb().destroy();
}
