import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
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
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorPage } from "~/components/ErrorPage";
import { useNonce } from "~/components/nonce";
import { isPageHandle, type Crumb } from "~/components/page-handle";
import { RouteAnnouncer } from "~/components/RouteAnnouncer";
import { SiteFooter } from "~/components/SiteFooter";
import { SiteHeader } from "~/components/SiteHeader";
import { SkipLink } from "~/components/SkipLink";
import { useHasFormErrors } from "~/components/use-form-errors-state";
import { htmlLang, localeFromPathname, localePath, locales, stripLocale } from "~/i18n/config";
import { defaultPreferences, preferenceAttributes } from "~/modules/preferences/preferences";
import { readPreferences } from "~/modules/preferences/preferences.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { preferences: await readPreferences(request), origin: url.origin };
}

/** Title and breadcrumbs come from the deepest route that describes itself (see page-handle.ts). */
function usePageMeta(): { title: string; crumbs: Crumb[] } {
  const { t } = useT();
  const matches = useMatches();
  const error = useRouteError();
  const { pathname } = useLocation();
  const hasFormErrors = useHasFormErrors();
  const locale = localeFromPathname(pathname);

  if (error) {
    const kind = errorKind(error);
    const page = kind === "notFound" ? t("errors.notFoundTitle") : kind === "forbidden" ? t("admin.forbiddenTitle") : t("errors.serverTitle");
    return { title: t("site.title", { page }), crumbs: [] };
  }
  const match = [...matches].reverse().find((m) => isPageHandle(m.handle));
  if (!match || !isPageHandle(match.handle)) return { title: t("site.name"), crumbs: [] };
  const args = { t, data: match.data, locale };
  const page = match.handle.title(args);
  const title = match.id.endsWith("_index") && stripLocale(pathname) === "/" ? t("site.name") : t("site.title", { page });
  return {
    title: (hasFormErrors ? t("site.errorTitlePrefix") : "") + title,
    crumbs: match.handle.crumbs?.(args) ?? [],
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  const locale = localeFromPathname(pathname);
  const data = useRouteLoaderData<typeof loader>("root");
  const preferences = data?.preferences ?? defaultPreferences;
  const nonce = useNonce();
  const { title, crumbs } = usePageMeta();
  const neutral = stripLocale(pathname);
  const origin = data?.origin ?? "";

  return (
    <html lang={htmlLang(locale)} dir="ltr" {...preferenceAttributes(preferences)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {locales.map((l) => (
          <link key={l} rel="alternate" hrefLang={htmlLang(l)} href={origin + localePath(neutral, l) + search} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={origin + neutral + search} />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <SiteHeader />
        <Breadcrumbs crumbs={crumbs} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
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

function errorKind(error: unknown): "notFound" | "forbidden" | "server" {
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (isRouteErrorResponse(error) && error.status === 403) return "forbidden";
  return "server";
}

export function ErrorBoundary() {
  return <ErrorPage kind={errorKind(useRouteError())} />;
}
