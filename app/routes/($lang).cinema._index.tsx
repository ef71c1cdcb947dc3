import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDate, formatDateTime, formatTime, portalTimeZone } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { cinemaPhone, listUpcomingScreenings } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { metaDescription } from "~/modules/site/meta-description";

export const links = cinemaLinks;

export const handle: PageHandle = {
  title: ({ t }) => t("cinema.schedule.title"),
  description: ({ t, locale }) => metaDescription(t("cinema.schedule.intro"), locale),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title") }],
};

/** One formatter for every request: building an Intl.DateTimeFormat costs far more than using one (it was a
 * tenth of this page's time, made once per screening). */
const chinaDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: portalTimeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in China of a moment, for grouping ("2026-12-01"). */
function chinaDay(iso: string): string {
  return chinaDayFormat.format(new Date(iso));
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const url = new URL(request.url);
  const filters = { audioDescription: url.searchParams.get("ad") === "1", captions: url.searchParams.get("cc") === "1" };
  const screenings = await listUpcomingScreenings(getDb(), filters);
  const days: { day: string; screenings: typeof screenings }[] = [];
  for (const s of screenings) {
    const day = chinaDay(s.startsAt);
    const last = days[days.length - 1];
    if (last?.day === day) last.screenings.push(s);
    else days.push({ day, screenings: [s] });
  }
  return { filters, days, phone: cinemaPhone, total: screenings.length };
}

export default function CinemaSchedule() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { filters, days, phone, total } = useLoaderData<typeof loader>();
  const en = locale === "en";
  const filtered = filters.audioDescription || filters.captions;

  return (
    <div className="page page--narrow">
      <h1>{t("cinema.schedule.title")}</h1>
      <p className="lead">{t("cinema.schedule.intro")}</p>
      <p>
        {t("cinema.schedule.questions")}{" "}
        <a href={`tel:${phone.replace(/\D/g, "")}`}>{phone}</a>
      </p>
      <p>
        <LocalLink to="/cinema/booking">{t("cinema.schedule.manageLink")}</LocalLink>
      </p>

      <Form method="get" action={href("/cinema")} className="filters">
        <fieldset>
          <legend>{t("cinema.schedule.filterLegend")}</legend>
          <div className="checkboxes">
            <div className="checkbox">
              <input type="checkbox" id="filter-ad" name="ad" value="1" defaultChecked={filters.audioDescription} />
              <label htmlFor="filter-ad">{t("cinema.schedule.filterAudioDescription")}</label>
            </div>
            <div className="checkbox">
              <input type="checkbox" id="filter-cc" name="cc" value="1" defaultChecked={filters.captions} />
              <label htmlFor="filter-cc">{t("cinema.schedule.filterCaptions")}</label>
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              {t("cinema.schedule.applyFilters")}
            </button>
            {filtered ? <LocalLink to="/cinema">{t("cinema.schedule.clearFilters")}</LocalLink> : null}
          </div>
        </fieldset>
      </Form>

      <p role="status">{filtered ? t("cinema.schedule.countFiltered", { n: total }) : t("cinema.schedule.count", { n: total })}</p>

      {days.length === 0 ? <p>{filtered ? t("cinema.schedule.noneFiltered") : t("cinema.schedule.none", { phone })}</p> : null}

      {days.map(({ day, screenings }) => (
        // A heading per day, not a region: thirteen date landmarks flooded a screen reader's landmark list.
        <div key={day} className="schedule-day">
          <h2>{formatDate(day, locale, { weekday: true })}</h2>
          <ul className="screening-list">
            {screenings.map((s) => {
              const title = en ? s.title.en : s.title.zh;
              const full = s.ordinarySeatsAvailable === 0 && s.wheelchairSpacesAvailable === 0;
              const open = s.booking === "open";
              const when = formatTime(s.startsAt, locale);
              const heading = `${when} ${en ? title : `《${title}》`}`;
              // One link a screening: its booking button when it can be booked (named with the day and time, since
              // a film often shows more than once), else its title.
              const bookable = open && !full;
              return (
                <li key={s.id} className={`screening${full ? " screening--full" : ""}${open ? "" : " screening--closed"}`}>
                  <h3>{bookable ? heading : <LocalLink to={`/cinema/${s.id}`}>{heading}</LocalLink>}</h3>
                  <ul className="features" aria-label={t("cinema.features.label")}>
                    {s.audioDescription ? <li>{t("cinema.features.audioDescription")}</li> : null}
                    {s.captions ? <li>{t("cinema.features.captions")}</li> : null}
                    {s.signLanguage ? <li>{t("cinema.features.signLanguage")}</li> : null}
                  </ul>
                  <p className="meta">
                    {formatDateTime(s.startsAt, locale)} · {en ? s.hallName.en : s.hallName.zh} · {t("cinema.features.duration", { n: s.durationMinutes })}
                  </p>
                  <p className="seats-left">
                    {full
                      ? t("cinema.seats.full")
                      : t("cinema.seats.left", { n: s.ordinarySeatsAvailable }) +
                        (s.wheelchairSpacesAvailable ? t("cinema.seats.wheelchairLeft", { n: s.wheelchairSpacesAvailable }) : "")}
                  </p>
                  {bookable ? (
                    <p>
                      <LocalLink to={`/cinema/${s.id}`} className="button">
                        {t("cinema.schedule.book", { title, date: formatDate(day, locale, { weekday: true }), time: when })}
                      </LocalLink>
                    </p>
                  ) : null}
                  {open && full ? (
                    <p>
                      <LocalLink to={`/cinema/${s.id}/waiting-list`}>{t("cinema.schedule.waitingList", { title })}</LocalLink>
                    </p>
                  ) : null}
                  {!open ? <p>{t(`cinema.window.${s.booking}`, { date: formatDateTime(s.bookingOpensAt, locale) })}</p> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
