import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { SortableTable } from "~/components/SortableTable";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listScreeningsForStaff, staffScreeningSortKeys } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";
import { parseSort } from "~/http/query-sort";

export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t }) => t("cinema.admin.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("cinema.admin.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  await requireStaff(request, "cinema");
  const search = new URL(request.url).searchParams;
  const when = search.get("when") === "past" ? "past" : "upcoming";
  const sort = parseSort(search, staffScreeningSortKeys, { column: "start", direction: when === "past" ? "desc" : "asc" });
  const result = await listScreeningsForStaff(getDb(), { when, page: parsePage(search), sort, titleLanguage: locale === "en" ? "en" : "zh" });
  return { ...result, when, sort };
}

export default function AdminCinema() {
  const { t, locale } = useT();
  const { items, total, page, pageCount, when, sort } = useLoaderData<typeof loader>();
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
      <SortableTable
        caption={t(when === "past" ? "cinema.admin.pastCaption" : "cinema.admin.upcomingCaption", { n: total })}
        sort={sort}
        columns={[
          { id: "film", label: t("cinema.admin.colFilm"), sortable: true, isRowHeader: true },
          { id: "start", label: t("cinema.admin.colStart"), sortable: true },
          { id: "access", label: t("cinema.admin.colAccess") },
          { id: "seats", label: t("cinema.admin.colSeats") },
          { id: "bookings", label: t("cinema.admin.colBookings") },
          { id: "status", label: t("cinema.admin.colStatus") },
          { id: "actions", label: t("cinema.admin.colActions") },
        ]}
        rows={items.map((s) => {
          const title = en ? s.title.en : `《${s.title.zh}》`;
          const time = formatDateTime(s.startsAt, locale);
          const taken = s.seatsTotal - s.seatsAvailable;
          return {
            id: s.id,
            cells: [
              <LocalLink key="film" to={`/admin/cinema/${s.id}`}>
                {title}
                <span className="visually-hidden">
                  {" "}
                  {time}
                </span>
              </LocalLink>,
              <time key="start" dateTime={s.startsAt}>
                {time}
              </time>,
              [
                s.audioDescription ? t("cinema.features.audioDescription") : "",
                s.captions ? t("cinema.features.captions") : "",
                s.signLanguage ? t("cinema.features.signLanguage") : "",
              ]
                .filter(Boolean)
                .join(t("cinema.listSeparator")) || t("cinema.admin.noFeatures"),
              s.status === "cancelled" ? t("cinema.admin.seatsNone") : t("cinema.admin.seatsTakenLeft", { taken, left: s.seatsAvailable, total: s.seatsTotal }),
              `${t("cinema.admin.bookingsCount", { n: s.bookings, people: s.people })}${s.checkedIn ? ` ${t("cinema.admin.checkedInCount", { n: s.checkedIn })}` : ""}${
                s.waiting ? ` ${t("cinema.admin.waitingCount", { n: s.waiting })}` : ""
              }`,
              t(`cinema.admin.window.${s.booking}`),
              <ul key="actions" className="plain-list">
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
              </ul>,
            ],
          };
        })}
      />
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
