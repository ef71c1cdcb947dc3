import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listScreeningsForStaff } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";

export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t }) => t("cinema.admin.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("cinema.admin.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "cinema");
  const search = new URL(request.url).searchParams;
  const when = search.get("when") === "past" ? "past" : "upcoming";
  const result = await listScreeningsForStaff(getDb(), { when, page: parsePage(search) });
  return { ...result, when };
}

export default function AdminCinema() {
  const { t, locale } = useT();
  const { items, total, page, pageCount, when } = useLoaderData<typeof loader>();
  const en = locale === "en";
  return (
    <div className="page">
      <h1>{t("cinema.admin.title")}</h1>
      <p>{t("cinema.admin.intro")}</p>
      <p>
        <LocalLink to="/admin/cinema/new" className="button">
          {t("cinema.admin.new")}
        </LocalLink>
      </p>
      <nav aria-label={t("cinema.admin.whenNav")} className="admin-tabs">
        <ul>
          <li>
            <LocalLink to="/admin/cinema" aria-current={when === "upcoming" ? "page" : undefined}>
              {t("cinema.admin.upcoming")}
            </LocalLink>
          </li>
          <li>
            <LocalLink to="/admin/cinema?when=past" aria-current={when === "past" ? "page" : undefined}>
              {t("cinema.admin.past")}
            </LocalLink>
          </li>
        </ul>
      </nav>
      {items.length === 0 ? <p>{t("cinema.admin.noScreenings")}</p> : null}
      <div className="table-wrap">
        <table>
          <caption>{t(when === "past" ? "cinema.admin.pastCaption" : "cinema.admin.upcomingCaption", { n: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cinema.admin.colFilm")}</th>
              <th scope="col">{t("cinema.admin.colStart")}</th>
              <th scope="col">{t("cinema.admin.colAccess")}</th>
              <th scope="col">{t("cinema.admin.colSeats")}</th>
              <th scope="col">{t("cinema.admin.colBookings")}</th>
              <th scope="col">{t("cinema.admin.colStatus")}</th>
              <th scope="col">{t("cinema.admin.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => {
              const title = en ? s.title.en : `《${s.title.zh}》`;
              const time = formatDateTime(s.startsAt, locale);
              const taken = s.seatsTotal - s.seatsAvailable;
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <LocalLink to={`/admin/cinema/${s.id}`}>
                      {title}
                      <span className="visually-hidden">
                        {" "}
                        {time}
                      </span>
                    </LocalLink>
                  </th>
                  <td>
                    <time dateTime={s.startsAt}>{time}</time>
                  </td>
                  <td>
                    {[
                      s.audioDescription ? t("cinema.features.audioDescription") : "",
                      s.captions ? t("cinema.features.captions") : "",
                      s.signLanguage ? t("cinema.features.signLanguage") : "",
                    ]
                      .filter(Boolean)
                      .join(t("cinema.listSeparator")) || t("cinema.admin.noFeatures")}
                  </td>
                  <td>{s.status === "cancelled" ? t("cinema.admin.seatsNone") : t("cinema.admin.seatsTakenLeft", { taken, left: s.seatsAvailable, total: s.seatsTotal })}</td>
                  <td>
                    {t("cinema.admin.bookingsCount", { n: s.bookings, people: s.people })}
                    {s.checkedIn ? ` ${t("cinema.admin.checkedInCount", { n: s.checkedIn })}` : ""}
                    {s.waiting ? ` ${t("cinema.admin.waitingCount", { n: s.waiting })}` : ""}
                  </td>
                  <td>{t(`cinema.admin.window.${s.booking}`)}</td>
                  <td>
                    <ul className="plain-list">
                      <li>
                        <LocalLink to={`/admin/cinema/${s.id}`}>
                          {t("cinema.admin.bookingsLink")}
                          <span className="visually-hidden">
                            {" "}
                            {title} {time}
                          </span>
                        </LocalLink>
                      </li>
                      {s.status !== "cancelled" && s.booking !== "past" ? (
                        <li>
                          <LocalLink to={`/admin/cinema/${s.id}/edit`}>
                            {t("cinema.admin.editLink")}
                            <span className="visually-hidden">
                              {" "}
                              {title} {time}
                            </span>
                          </LocalLink>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
