import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { PageOutput } from "~/http/page-output.server";
import { localeFromPathname } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { maskConsoleOutput, maskForLog } from "~/modules/privacy/log.server";
import { schedulePurge } from "~/modules/privacy/retention.server";

const ABORT_DELAY = 5_000;

// Every line the server writes through console is masked, whoever writes it (docs/security.md).
maskConsoleOutput();

export default function handleRequest(
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

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <TranslationProvider t={getFixedT(locale)} locale={locale}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </TranslationProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PageOutput();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(maskForLog(error));
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Server errors are logged with personal numbers masked, and Remix's own 4xx responses (a POST to a page
 * without an action, say) with what caused them; aborted requests are not errors.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(maskForLog(error));
}

/** For scripts/serve.mjs, which logs what reaches Express's own error handler. */
export { maskForLog };

/** The HTTP edge scripts/serve.mjs runs in front of the routes (docs/security.md). */
export { createPortalHandler, shouldContinue } from "~/http/portal-handler.server";

/** Started once by the production server (scripts/serve.mjs): the daily retention purge. */
export function startBackgroundJobs() {
  schedulePurge(getDb);
}

/** Graceful shutdown (scripts/serve.mjs): the database is closed once the last request has been answered. */
export async function closeDatabase() {
  await getDb().destroy();
}
