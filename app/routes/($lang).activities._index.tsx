import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ActivityFacts } from "~/components/centre/ActivitySummary";
import { centreLinks } from "~/components/centre/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { activityTypes, type ActivityType } from "~/modules/centre/centre-constants";
import { listUpcomingActivities } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { metaDescription } from "~/modules/site/meta-description";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("centre.activities.title"),
  description: ({ t, locale }) => metaDescription(t("centre.activities.intro"), locale),
  crumbs: ({ t }) => [{ label: t("centre.activities.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const typeParam = new URL(request.url).searchParams.get("type") ?? "";
  const type = (activityTypes as readonly string[]).includes(typeParam) ? (typeParam as ActivityType) : undefined;
  return { type: type ?? "", activities: await listUpcomingActivities(getDb(), { type }) };
}

export default function ActivitiesPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { activities, type } = useLoaderData<typeof loader>();
  const en = locale === "en";
  return (
    <div className="page">
      <h1>{t("centre.activities.title")}</h1>
      <p className="lead">{t("centre.activities.intro")}</p>
      <Form method="get" action={href("/activities")} className="filter-form">
        <label htmlFor="activity-type">{t("centre.activities.filterType")}</label>
        <select id="activity-type" name="type" defaultValue={type}>
          <option value="">{t("centre.activities.allTypes")}</option>
          {activityTypes.map((ty) => (
            <option key={ty} value={ty}>
              {t(`centre.activityTypes.${ty}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("centre.activities.filter")}
        </button>
      </Form>
      <p role="status" className="result-count">
        {t("centre.activities.count", { count: activities.length })}
      </p>
      {activities.length ? (
        <ul className="activity-list">
          {activities.map((a) => (
            <li key={a.id}>
              <h2>
                <LocalLink to={`/activities/${a.id}`}>{en ? a.title.en : a.title.zh}</LocalLink>
              </h2>
              <ActivityFacts a={a} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("centre.activities.none")}</p>
      )}
      <p>
        <LocalLink to="/activities/signup">{t("centre.activities.lookupLink")}</LocalLink>
      </p>
      <p>
        <LocalLink to="/associations">{t("centre.activities.associationsLink")}</LocalLink>
      </p>
    </div>
  );
}
