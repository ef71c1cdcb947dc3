import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { notFound, stepPath } from "~/http/cinema-flow.server";
import { refuseTooManyDrafts } from "~/http/draft-limit.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { CinemaError, cinemaPhone, createDraft, getScreening, NotFound } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { metaDescription } from "~/modules/site/meta-description";

export const links = cinemaLinks;

type Data = { screening: { title: { zh: string; en: string }; synopsis: { zh: string; en: string }; startsAt: string } } | undefined;
export const handle: PageHandle = {
  title: ({ data, locale }) => {
    const s = (data as Data)?.screening;
    return s ? (locale === "en" ? s.title.en : `《${s.title.zh}》`) : "";
  },
  // When, then the film: the screenings of one film share their synopsis.
  description: ({ t, data, locale }) => {
    const s = (data as Data)?.screening;
    const synopsis = s ? (locale === "en" ? s.synopsis.en : s.synopsis.zh) : "";
    return s ? metaDescription(t("cinema.screening.description", { time: formatDateTime(s.startsAt, locale), synopsis }), locale) : "";
  },
  crumbs: ({ t, data, locale }) => {
    const s = (data as Data)?.screening;
    return [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: s ? (locale === "en" ? s.title.en : s.title.zh) : "" }];
  },
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  try {
    const screening = await getScreening(getDb(), String(params.screeningId));
    return { screening, phone: cinemaPhone };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

/** "Start booking": makes a server-side draft and goes to the first question (limited per client). */
export async function action({ params, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const refused = await refuseTooManyDrafts(context, locale);
  if (refused) return refused;
  try {
    const draft = await createDraft(getDb(), String(params.screeningId), new Date(), locale);
    return redirect(localePath(stepPath(draft.screeningId, draft.id, "people"), locale));
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof CinemaError) {
      return data({ hasErrors: true, message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
    }
    throw error;
  }
}

export default function ScreeningPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { screening: s, phone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const en = locale === "en";
  const title = en ? s.title.en : s.title.zh;
  const full = s.ordinarySeatsAvailable === 0 && s.wheelchairSpacesAvailable === 0;
  const open = s.booking === "open";

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{en ? title : `《${title}》`}</h1>
      <p className="lead">{en ? s.synopsis.en : s.synopsis.zh}</p>
      <dl className="details-list">
        <dt>{t("cinema.screening.when")}</dt>
        <dd>{formatDateTime(s.startsAt, locale)}</dd>
        <dt>{t("cinema.screening.where")}</dt>
        <dd>{en ? `${s.hallName.en}, ${s.venue.en}` : `${s.venue.zh}${s.hallName.zh.replace(s.venue.zh, "")}`}</dd>
        <dt>{t("cinema.screening.duration")}</dt>
        <dd>{t("cinema.features.duration", { n: s.durationMinutes })}</dd>
        <dt>{t("cinema.screening.access")}</dt>
        <dd>
          {[
            s.audioDescription ? t("cinema.features.audioDescription") : "",
            s.captions ? t("cinema.features.captions") : t("cinema.features.noCaptions"),
            s.signLanguage ? t("cinema.features.signLanguage") : "",
          ]
            .filter(Boolean)
            .join(t("cinema.listSeparator"))}
        </dd>
        <dt>{t("cinema.screening.seats")}</dt>
        <dd className="seats-left">
          {full
            ? t("cinema.seats.full")
            : t("cinema.seats.left", { n: s.ordinarySeatsAvailable }) +
              (s.wheelchairSpacesAvailable ? t("cinema.seats.wheelchairLeft", { n: s.wheelchairSpacesAvailable }) : "")}
        </dd>
      </dl>

      {s.status === "cancelled" ? <p className="notice">{t("cinema.window.cancelled")}</p> : null}
      {open && !full ? (
        <Form method="post" action={href(`/cinema/${s.id}`)}>
          <p>{t("cinema.screening.startHint")}</p>
          <button type="submit" className="button">
            {t("cinema.screening.start")}
          </button>
        </Form>
      ) : null}
      {open && full ? (
        <>
          <p>{t("cinema.screening.fullText")}</p>
          <p>
            <LocalLink to={`/cinema/${s.id}/waiting-list`} className="button">
              {t("cinema.waiting.join")}
            </LocalLink>
          </p>
        </>
      ) : null}
      {!open && s.status !== "cancelled" ? <p className="notice">{t(`cinema.window.${s.booking}`, { date: formatDateTime(s.bookingOpensAt, locale) })}</p> : null}
      <h2>{t("cinema.screening.helpTitle")}</h2>
      <p>{t("cinema.screening.helpText", { phone })}</p>
      <p>
        <LocalLink to="/cinema">{t("cinema.flow.backToSchedule")}</LocalLink>
      </p>
    </div>
  );
}
