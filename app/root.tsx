import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorPage, errorTitle, type ErrorKind } from "~/components/ErrorPage";
import { useNonce } from "~/components/nonce";
import { isPageHandle, type Crumb } from "~/components/page-handle";
import { refusalOf, refusalRootData } from "~/components/refusal";
import { RouteAnnouncer } from "~/components/RouteAnnouncer";
import { SiteFooter } from "~/components/SiteFooter";
import { SiteHeader } from "~/components/SiteHeader";
import { SkipLink } from "~/components/SkipLink";
import { FormErrorsProvider, useHasFormErrors } from "~/components/use-form-errors-state";
import { useHydrationMark } from "~/components/use-hydration-mark";
import { htmlLang, localeFromPathname, localePath, locales, stripLocale } from "~/i18n/config";
import { pageMessages } from "~/i18n/messages.server";
import { createTranslator } from "~/i18n/translator";
import { TranslationProvider } from "~/i18n/use-t";
import { atomType } from "~/modules/content/feed";
import { defaultPreferences, preferenceAttributes } from "~/modules/preferences/preferences";
import { readPreferences } from "~/modules/preferences/preferences.server";
import { governmentIdentifiers } from "~/modules/site/government-identifiers";
import { publicOrigin } from "~/modules/site/public-origin";
import { isIndexable } from "~/http/search-indexing.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** An error page keeps what its error asked for: Retry-After on a 503, no-store on a refusal. The rest is the page's. */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const kept = new Headers();
  for (const name of ["Retry-After", "Cache-Control"]) {
    const value = errorHeaders?.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = localeFromPathname(url.pathname);
  return {
    preferences: await readPreferences(request),
    // Configuration, never the request's Host: public pages are cached by URL (ADR 0008). "" = root-relative links.
    origin: publicOrigin() ?? "",
    indexable: isIndexable(url.pathname, url.search),
    messages: pageMessages(locale, url.pathname),
    government: governmentIdentifiers(),
  };
}

/** A new page may need other messages (see i18n/namespaces.ts), so the root reloads when the path changes. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname !== nextUrl.pathname || defaultShouldRevalidate;

const reportMissing = (key: string) => console.error(`Missing translation in this page's namespaces: ${key}`);

/**
 * Server and browser translate the page with the same messages (the root loader's), so hydration matches by
 * construction. Without root data (the root itself failed) the outer provider of entry.server is used.
 */
function PageTranslations({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const locale = localeFromPathname(pathname);
  const messages = useRootData()?.messages;
  const t = useMemo(() => (messages ? createTranslator(messages, locale, reportMissing) : null), [messages, locale]);
  if (!t) return <>{children}</>;
  return (
    <TranslationProvider t={t} locale={locale}>
      {children}
    </TranslationProvider>
  );
}

/** Title, description, breadcrumbs and feed come from the deepest route that describes itself (see page-handle.ts). */
function usePageMeta(): { title: string; description: string; crumbs: Crumb[]; feed: { path: string; title: string } | null } {
  const { t } = useT();
  const matches = useMatches();
  const error = useRouteError();
  const { pathname } = useLocation();
  const hasFormErrors = useHasFormErrors();
  const locale = localeFromPathname(pathname);

  if (error) return { title: t("site.title", { page: errorTitle(t, errorKind(error)) }), description: "", crumbs: [], feed: null };
  const match = [...matches].reverse().find((m) => isPageHandle(m.handle));
  if (!match || !isPageHandle(match.handle)) return { title: t("site.name"), description: "", crumbs: [], feed: null };
  const args = { t, data: match.data, locale };
  // Page 2 of a list is not page 1: its title says which page it is (lists' loaders return page and pageCount).
  const pageTitle = match.handle.title(args);
  const list = match.data as { page?: unknown; pageCount?: unknown } | null;
  const page =
    typeof list?.page === "number" && typeof list.pageCount === "number" && list.page > 1
      ? t("site.pageOf", { page: pageTitle, n: list.page, pages: list.pageCount })
      : pageTitle;
  const title = match.id.endsWith("_index") && stripLocale(pathname) === "/" ? t("site.name") : t("site.title", { page });
  return {
    title: (hasFormErrors ? t("site.errorTitlePrefix") : "") + title,
    description: match.handle.description?.(args) ?? "",
    crumbs: match.handle.crumbs?.(args) ?? [],
    feed: match.handle.feed?.(args) ?? null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <PageTranslations>
      <FormErrorsProvider>
        <Document>{children}</Document>
      </FormErrorsProvider>
    </PageTranslations>
  );
}

function Document({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  const locale = localeFromPathname(pathname);
  const data = useRootData();
  const preferences = data?.preferences ?? defaultPreferences;
  const nonce = useNonce();
  const { title, description, crumbs, feed } = usePageMeta();
  const neutral = stripLocale(pathname);
  const origin = data?.origin ?? "";
  // An error page (a 404, a refusal) is never indexed; neither is what search-indexing.server.ts rules out.
  const error = useRouteError();
  const indexable = Boolean(data?.indexable) && !error;
  useHydrationMark();

  return (
    <html lang={htmlLang(locale)} dir="ltr" {...preferenceAttributes(preferences)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {indexable ? <link rel="canonical" href={origin + localePath(neutral, locale) + search} /> : <meta name="robots" content="noindex" />}
        {locales.map((l) => (
          <link key={l} rel="alternate" hrefLang={htmlLang(l)} href={origin + localePath(neutral, l) + search} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={origin + neutral + search} />
        {feed ? <link rel="alternate" type={atomType} title={feed.title} href={origin + localePath(feed.path, locale)} /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <SiteHeader section={crumbs[0]?.to} />
        <Breadcrumbs crumbs={crumbs} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter identifiers={data?.government} />
        <RouteAnnouncer title={title} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The root loader's data; for a refused submission (which runs no loader) the copy the refusal carries. */
function useRootData() {
  const error = useRouteError();
  return useRouteLoaderData<typeof loader>("root") ?? refusalRootData<SerializeFrom<typeof loader>>(error);
}

function errorKind(error: unknown): ErrorKind {
  const refusal = refusalOf(error);
  if (refusal) return refusal.kind;
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (isRouteErrorResponse(error) && error.status === 403) return "forbidden";
  return "server";
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage kind={errorKind(error)} refusal={refusalOf(error)} />;
}
