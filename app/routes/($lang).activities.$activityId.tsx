import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ActivityFacts } from "~/components/centre/ActivitySummary";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { refuseTooManyDrafts } from "~/http/draft-limit.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { centrePhone, signupStepPath } from "~/modules/centre/centre-constants";
import { getActivity, signupDrafts, NotFound, signupWindow, type Activity } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { metaDescription } from "~/modules/site/meta-description";

export const links = centreLinks;
const titleOf = (data: unknown, locale: string) => {
  const a = (data as { activity?: Activity } | undefined)?.activity;
  return a ? (locale === "en" ? a.title.en : a.title.zh) : "";
};
export const handle: PageHandle = {
  title: ({ data, locale }) => titleOf(data, locale),
  description: ({ data, locale }) => {
    const a = (data as { activity?: Activity } | undefined)?.activity;
    return a ? metaDescription(locale === "en" ? a.summary.en : a.summary.zh, locale) : "";
  },
  crumbs: ({ t, data, locale }) => [{ label: t("centre.activities.title"), to: "/activities" }, { label: titleOf(data, locale) }],
};

async function load(id: string) {
  try {
    return await getActivity(getDb(), id);
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  const activity = await load(String(params.activityId ?? ""));
  return { activity, window: signupWindow(activity) };
}

/** "Sign up" starts a server-side draft and goes to its first question (limited per client). */
export async function action({ params, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const activity = await load(String(params.activityId ?? ""));
  const refused = await refuseTooManyDrafts(context, locale);
  if (refused) return refused;
  const draft = await signupDrafts.start(getDb(), { locale, scope: activity.id });
  return redirect(localePath(signupStepPath(activity.id, draft.id, "contact"), locale));
}

export default function ActivityPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { activity: a, window } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const en = locale === "en";
  const full = a.placesLeft === 0 && a.waiting >= a.waitlistSize;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{en ? a.title.en : a.title.zh}</h1>
      <p>{en ? a.summary.en : a.summary.zh}</p>
      <ActivityFacts a={a} />
      <p>{t("centre.activities.accessNote", { phone: centrePhone })}</p>
      <h2>{t("centre.activities.signupHeading")}</h2>
      {!window.open ? (
        <p>{t(`centre.errors.closed_${window.reason}`)}</p>
      ) : full ? (
        <p>{t("centre.errors.full")}</p>
      ) : (
        <>
          <p>{a.placesLeft > 0 ? t("centre.activities.signupText") : t("centre.activities.signupWaitingText")}</p>
          <Form method="post">
            <button type="submit" className="button">
              {a.placesLeft > 0 ? t("centre.activities.signupStart") : t("centre.activities.waitingStart")}
            </button>
          </Form>
        </>
      )}
      <ul>
        <li>
          <a href={href(`/activities/${a.id}/calendar.ics`)} download>
            {t("centre.activities.calendar")}
          </a>
        </li>
        <li>
          <LocalLink to="/activities/signup">{t("centre.activities.lookupLink")}</LocalLink>
        </li>
        <li>
          <LocalLink to="/activities">{t("centre.activities.backLink")}</LocalLink>
        </li>
      </ul>
    </div>
  );
}
