import { useLocation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "./LocalLink";
import type { Refusal } from "./refusal";
import { refusalText } from "./refusal-text";
import { federationPhone } from "~/modules/site/contact-details";

export type ErrorKind = "notFound" | "forbidden" | "server" | Refusal["kind"];

/** The localized error pages (404, 403, 500, and the edge's refusals): what happened and what to do next. */
export function ErrorPage({ kind, refusal }: { kind: ErrorKind; refusal?: Refusal | null }) {
  const { t } = useT();
  const { pathname, search } = useLocation();
  if (refusal) {
    return (
      <div className="page">
        <h1>{errorTitle(t, kind)}</h1>
        <p>{refusalText(t, refusal)}</p>
        <ul>
          <li>
            {/* A plain link: a fresh GET of the same page, with what the server has kept of the form. */}
            <a href={pathname + search}>{t("errors.goBack")}</a>
          </li>
          <li>
            <LocalLink to="/">{t("errors.goHome")}</LocalLink>
          </li>
        </ul>
      </div>
    );
  }
  if (kind === "forbidden") {
    return (
      <div className="page">
        <h1>{t("errors.forbiddenTitle")}</h1>
        <p>{t("errors.forbiddenText")}</p>
        <p>
          <LocalLink to="/admin">{t("errors.goDashboard")}</LocalLink>
        </p>
      </div>
    );
  }
  if (kind === "notFound") {
    return (
      <div className="page">
        <h1>{t("errors.notFoundHeading")}</h1>
        <p>{t("errors.notFoundText")}</p>
        <p>{t("errors.notFoundNext")}</p>
        <ul>
          <li>
            <LocalLink to="/">{t("errors.goHome")}</LocalLink>
          </li>
          <li>
            <LocalLink to="/contact">{t("errors.goContact")}</LocalLink>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t("errors.serverHeading")}</h1>
      <p>{t("errors.serverText", { phone: federationPhone })}</p>
      <p>
        <LocalLink to="/">{t("errors.goHome")}</LocalLink>
      </p>
    </div>
  );
}

/** The page title (and heading) of each kind of error. */
export function errorTitle(t: TFunction, kind: ErrorKind): string {
  const keys = {
    notFound: "errors.notFoundTitle",
    forbidden: "errors.forbiddenTitle",
    server: "errors.serverTitle",
    bad_input: "errors.badInputTitle",
    too_large: "errors.tooLargeTitle",
    cross_site: "errors.crossSiteTitle",
    unavailable: "errors.unavailableTitle",
  } as const satisfies Record<ErrorKind, string>;
  return t(keys[kind]);
}
