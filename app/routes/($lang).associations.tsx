import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { centreLinks } from "~/components/centre/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { routeLocale } from "~/http/route-locale";
import { formatDate, formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { associations, centrePhone } from "~/modules/centre/centre-constants";
import { listUpcomingActivities } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { metaDescription } from "~/modules/site/meta-description";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("centre.associations.title"),
  description: ({ t, locale }) => metaDescription(t("centre.associations.intro"), locale),
  crumbs: ({ t }) => [{ label: t("centre.associations.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  const events = await listUpcomingActivities(getDb(), { type: "association" });
  return { events: events.map((a) => ({ id: a.id, associationId: a.associationId, title: a.title, startsAt: a.startsAt })) };
}

export default function AssociationsPage() {
  const { t, locale } = useT();
  const { events } = useLoaderData<typeof loader>();
  const en = locale === "en";
  return (
    <div className="page page--narrow">
      <h1>{t("centre.associations.title")}</h1>
      <p className="lead">{t("centre.associations.intro")}</p>
      <p>
        <LocalLink to="/policies/special-associations-2025">{t("centre.associations.noticeLink")}</LocalLink>
      </p>
      {associations.map((a) => {
        const own = events.filter((e) => e.associationId === a.id);
        return (
          <section key={a.id} aria-labelledby={`assoc-${a.id}`}>
            <h2 id={`assoc-${a.id}`}>{t(`centre.associations.${a.id}.name`)}</h2>
            <p>{t(`centre.associations.${a.id}.does`)}</p>
            <p>
              {a.status === "registered"
                ? t("centre.associations.registered", { month: a.registered })
                : t("centre.associations.registering", { date: a.founded ? formatDate(`${a.founded}T04:00:00Z`, locale) : "" })}
            </p>
            <h3>{t("centre.associations.upcoming")}</h3>
            {own.length ? (
              <ul>
                {own.map((e) => (
                  <li key={e.id}>
                    <LocalLink to={`/activities/${e.id}`}>{en ? e.title.en : e.title.zh}</LocalLink> · {formatDate(e.startsAt, locale)} {formatTime(e.startsAt, locale)}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("centre.associations.noneUpcoming")}</p>
            )}
          </section>
        );
      })}
      <h2>{t("centre.associations.joinHeading")}</h2>
      <p>{t("centre.associations.joinText", { phone: centrePhone })}</p>
      <p>
        <LocalLink to="/contact">{t("centre.associations.contactLink")}</LocalLink>
      </p>
    </div>
  );
}
