import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { routeLocale } from "~/http/route-locale";
import { policyFeedPath } from "~/modules/content/feed";
import { latestNotices } from "~/modules/content/index.server";
import { metaDescription } from "~/modules/site/meta-description";
import { federationPhone, federationPhoneHref } from "~/modules/site/contact-details";

export const handle: PageHandle = {
  title: ({ t }) => t("home.title"),
  description: ({ t, locale }) => metaDescription(t("home.intro"), locale),
  // The latest notices are on the home page: feed readers find their feed here too.
  feed: ({ t }) => ({ path: policyFeedPath, title: t("site.feedTitle") }),
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return {
    notices: latestNotices(4).map((n) => ({ id: n.id, title: n.title, titleEn: n.titleEn, issued: n.issued ?? null })),
  };
}

const services = [
  { key: "policies", to: "/policies" },
  { key: "cinema", to: "/cinema" },
  { key: "devices", to: "/devices" },
  { key: "homeModification", to: "/home-modification" },
  { key: "assistant", to: "/assistant" },
] as const;

const centreServices = [
  { key: "library", to: "/library" },
  { key: "activities", to: "/activities" },
  { key: "associations", to: "/associations" },
  { key: "figures", to: "/figures" },
] as const;

export default function Home() {
  const { t, locale } = useT();
  const { notices } = useLoaderData<typeof loader>();
  const phone = federationPhone;
  return (
    <div className="page">
      <h1>{t("home.heading")}</h1>
      <p className="lead">{t("home.intro")}</p>

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">{t("home.servicesHeading")}</h2>
        <ul className="card-list">
          {services.map((s) => (
            <li key={s.key} className="card">
              <h3>
                <LocalLink to={s.to}>{t(`home.services.${s.key}.title`)}</LocalLink>
              </h3>
              <p>{t(`home.services.${s.key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="centre-heading">
        <h2 id="centre-heading">{t("home.centreHeading")}</h2>
        <ul className="link-list">
          {centreServices.map((s) => (
            <li key={s.key}>
              <LocalLink to={s.to}>{t(`home.centre.${s.key}`)}</LocalLink>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t("home.noticesHeading")}</h2>
        {notices.length === 0 ? (
          <p>{t("home.noNotices")}</p>
        ) : (
          <ul>
            {notices.map((n) => (
              <li key={n.id}>
                <LocalLink to={`/policies/${n.id}`}>
                  <span lang="zh-CN">{n.title}</span>
                </LocalLink>
                {locale === "en" ? ` (${n.titleEn})` : null}
                {n.issued ? (
                  <>
                    {" "}
                    <time dateTime={n.issued} className="meta">
                      {formatDate(n.issued, locale)}
                    </time>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="hotline-heading" className="callout">
        <h2 id="hotline-heading">{t("home.hotlineHeading")}</h2>
        <p>{t("home.hotlineText")}</p>
        <p className="button-row">
          <a className="button" href={federationPhoneHref}>
            {t("home.hotlineCall", { phone })}
          </a>
          <LocalLink className="button button--secondary" to="/feedback">
            {t("home.feedbackLink")}
          </LocalLink>
        </p>
      </section>
    </div>
  );
}
