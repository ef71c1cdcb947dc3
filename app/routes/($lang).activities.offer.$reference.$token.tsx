import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { answerOffer } from "~/http/offer-answer.server";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import {
  acceptActivityOffer,
  activityOfferPath,
  declineActivityOffer,
  findActivityOffer,
  getActivity,
  NotFound,
  type ActivityOfferKey,
  type ActivityOfferStatus,
} from "~/modules/centre/index.server";
import { centrePhone } from "~/modules/centre/centre-constants";
import { getDb } from "~/modules/db/index.server";

/**
 * An activity-place offer, reached from the text's link (/activities/offer/<reference>/<token>;
 * activity-offers.server.ts): the activity, when and where, until when the place is held, and two buttons: take it
 * (the sign-up is confirmed) or give it up (the place goes to the next person waiting). Plain POST forms: works
 * without JavaScript. A wrong token is answered like an unknown reference (404). Never cached (cache-policy.ts).
 */
export const links = centreLinks;

type Heading = "centre.offer.title" | "centre.offer.acceptedTitle" | "centre.offer.declinedTitle" | "centre.offer.expiredTitle" | "centre.offer.withdrawnTitle";
const headings: Record<ActivityOfferStatus, Heading> = {
  open: "centre.offer.title",
  accepted: "centre.offer.acceptedTitle",
  declined: "centre.offer.declinedTitle",
  expired: "centre.offer.expiredTitle",
  withdrawn: "centre.offer.withdrawnTitle",
};
const headingOf = (data: unknown) => headings[(data as { state?: ActivityOfferStatus } | undefined)?.state ?? "open"];

export const handle: PageHandle = {
  title: ({ t, data }) => t(headingOf(data)),
  crumbs: ({ t, data }) => [{ label: t("centre.activities.title"), to: "/activities" }, { label: t(headingOf(data)) }],
};

function keyOf(params: LoaderFunctionArgs["params"]): ActivityOfferKey {
  return { reference: String(params.reference ?? ""), token: String(params.token ?? "") };
}

async function load(key: ActivityOfferKey) {
  try {
    const offer = await findActivityOffer(getDb(), key);
    return { offer, activity: await getActivity(getDb(), offer.activityId, { includeDrafts: true }) };
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  const { offer, activity } = await load(keyOf(params));
  return {
    state: offer.status,
    reference: offer.reference,
    name: offer.name,
    expiresAt: offer.expiresAt,
    activity: { id: activity.id, title: activity.title, place: activity.place, startsAt: activity.startsAt },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const key = keyOf(params);
  await load(key);
  return answerOffer(request, locale, ["accept", "decline"], async (intent) => {
    if (intent === "accept") await acceptActivityOffer(getDb(), key);
    else await declineActivityOffer(getDb(), key);
    return activityOfferPath(key.reference, key.token);
  });
}

export default function ActivityOffer() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const en = locale === "en";
  const title = en ? d.activity.title.en : d.activity.title.zh;
  const place = en ? d.activity.place.en : d.activity.place.zh;
  const until = formatDateTime(d.expiresAt, locale);
  const time = formatDateTime(d.activity.startsAt, locale);
  const texts: Record<Exclude<ActivityOfferStatus, "open">, string> = {
    accepted: t("centre.offer.acceptedText", { phone: centrePhone }),
    declined: t("centre.offer.declinedText"),
    expired: t("centre.offer.expiredText", { until, phone: centrePhone }),
    withdrawn: t("centre.offer.withdrawnText", { phone: centrePhone }),
  };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.message ? [{ text: result.message }] : []} />
      <h1>{t(headings[d.state])}</h1>
      {d.state === "open" ? (
        <>
          <p className="lead">{t("centre.offer.lead", { name: d.name, title, time, place })}</p>
          <p className="lead">
            <strong>{t("centre.offer.until", { until })}</strong>
          </p>
          <p>{t("centre.offer.how")}</p>
          <Form method="post">
            <div className="button-row">
              <button type="submit" name="intent" value="accept" className="button">
                {t("centre.offer.accept")}
              </button>
              <button type="submit" name="intent" value="decline" className="button button--secondary">
                {t("centre.offer.decline")}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p className="lead">{texts[d.state]}</p>
          <p>{t("centre.offer.details", { title, time, place })}</p>
        </>
      )}
      <p>{t("centre.offer.reference", { reference: d.reference })}</p>
      <p>
        <LocalLink to={`/activities/${d.activity.id}`}>{title}</LocalLink>
        {" · "}
        <LocalLink to="/activities">{t("centre.offer.toActivities")}</LocalLink>
      </p>
    </div>
  );
}
