import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { needLabelKey } from "~/components/cinema/admin-format";
import { StaffScreeningSummary, staffTitle } from "~/components/cinema/StaffScreeningSummary";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { loadStaffScreening, staffScreeningData } from "~/http/cinema-admin.server";
import { domainErrorInit } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { checkIn, describeSeats, listBookings, listWaitingList, NotAllowed, NotFound, revealBookingPhone } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { plainText } from "~/modules/privacy/text-fields";
import { normaliseReference } from "~/modules/shared/reference";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const links = cinemaLinks;

type Data = { screening?: { title: { zh: string; en: string } } } | undefined;
export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t, data, locale }) => t("cinema.admin.bookingsTitle", { title: (data as Data)?.screening ? staffTitle((data as Data)!.screening!, locale) : "" }),
  crumbs: ({ t, data, locale }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("cinema.admin.title"), to: "/admin/cinema" },
    { label: (data as Data)?.screening ? staffTitle((data as Data)!.screening!, locale) : "" },
  ],
};

/** The door list of one screening: bookings with needs, phones masked, search by reference or name, check-in. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").trim().slice(0, 50);
  const all = search.get("all") === "1";
  const bookings = await listBookings(getDb(), screening.id, { query: q, includeCancelled: all });
  const waiting = (await listWaitingList(getDb(), screening.id)).filter((e) => e.position !== null).length;
  return {
    screening: staffScreeningData(screening),
    q,
    all,
    waiting,
    checkedIn: search.get("checkedIn") ?? "",
    notice: search.get("created") === "1" ? "created" : search.get("saved") === "1" ? "saved" : "",
    bookings: bookings.map((b) => ({
      reference: b.reference,
      name: b.name,
      phoneMasked: b.phoneMasked,
      tickets: b.tickets,
      seats: describeSeats(b.seats, locale),
      needs: b.needs,
      status: b.status,
      checkedInAt: b.checkedInAt,
    })),
  };
}

const actionSchema = z.object({
  intent: z.enum(["reveal", "checkin"]),
  reference: plainText({ max: 20, min: 1 }),
  q: plainText({ max: 50 }).optional(),
  all: plainText({ max: 1 }).optional(),
});

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ hasErrors: true, error: "badRequest" as const, revealed: null }, { status: 400 });
  const { intent, q, all } = parsed.data;
  const reference = normaliseReference(parsed.data.reference);
  // Only bookings of this screening are opened or checked in from its page.
  const [own] = await listBookings(getDb(), screening.id, { query: reference, includeCancelled: true });
  if (!own || own.reference !== reference) return data({ hasErrors: true, error: "notFound" as const, revealed: null }, { status: 404 });
  try {
    if (intent === "reveal") {
      const phone = await revealBookingPhone(getDb(), actorOf(session), reference);
      return { hasErrors: false, error: null, revealed: { reference, phone } };
    }
    await checkIn(getDb(), actorOf(session), reference);
  } catch (error) {
    if (error instanceof NotFound) return data({ hasErrors: true, error: "notFound" as const, revealed: null }, domainErrorInit(error));
    if (error instanceof NotAllowed) return data({ hasErrors: true, error: "cannotCheckIn" as const, revealed: null }, domainErrorInit(error));
    throw error;
  }
  const back = new URLSearchParams();
  if (q) back.set("q", q);
  if (all === "1") back.set("all", "1");
  back.set("checkedIn", reference);
  return redirect(localePath(`/admin/cinema/${screening.id}?${back}`, locale));
}

export default function ScreeningBookings() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const s = d.screening;
  const title = staffTitle(s, locale);
  const revealed = result?.revealed ?? null;
  const checkedIn = d.bookings.find((b) => b.reference === d.checkedIn);
  const base = `/admin/cinema/${s.id}`;
  // Posts go back to the same list (the search stays), so the answer shows the row the staff member acted on.
  const query = new URLSearchParams({ ...(d.q ? { q: d.q } : {}), ...(d.all ? { all: "1" } : {}) }).toString();
  const here = href(query ? `${base}?${query}` : base);

  return (
    <div className="page">
      <ErrorSummary errors={result?.hasErrors ? [{ text: t(`cinema.admin.errors.${result.error ?? "badRequest"}`) }] : []} />
      <h1>{t("cinema.admin.bookingsTitle", { title })}</h1>
      {d.notice ? (
        <div className="notice notice--success" role="status">
          <p>{t(`cinema.admin.notice.${d.notice as "created"}`)}</p>
        </div>
      ) : null}
      {checkedIn ? (
        <div className="notice notice--success" role="status">
          <p>{t("cinema.admin.checkedInNotice", { reference: checkedIn.reference, name: checkedIn.name, n: checkedIn.tickets, seats: checkedIn.seats })}</p>
        </div>
      ) : null}
      <StaffScreeningSummary screening={s} />
      <ul className="admin-actions">
        {s.status !== "cancelled" && s.booking !== "past" ? (
          <li>
            <LocalLink to={`${base}/edit`}>{t("cinema.admin.editScreening")}</LocalLink>
          </li>
        ) : null}
        <li>
          <LocalLink to={`${base}/waiting-list`}>{t("cinema.admin.waitingLink", { n: d.waiting })}</LocalLink>
        </li>
        <li>
          <LocalLink to={`${base}/export`} reloadDocument>
            {t("cinema.admin.exportCsv")}
          </LocalLink>
        </li>
        {s.booking !== "past" ? (
          <li>
            <LocalLink to={`${base}/cancel`}>{s.status === "cancelled" ? t("cinema.admin.callListLink") : t("cinema.admin.cancelScreening")}</LocalLink>
          </li>
        ) : null}
      </ul>

      <h2>{t("cinema.admin.doorTitle")}</h2>
      <Form method="get" action={href(base)} className="filter-form" role="search" aria-label={t("cinema.admin.searchLabel")}>
        <div>
          <label htmlFor="booking-search">{t("cinema.admin.searchLabel")}</label>
          <p className="field__hint" id="booking-search-hint">
            {t("cinema.admin.searchHint")}
          </p>
          <input id="booking-search" type="search" name="q" defaultValue={d.q} aria-describedby="booking-search-hint" />
        </div>
        <div className="checkbox">
          <input type="checkbox" id="booking-all" name="all" value="1" defaultChecked={d.all} />
          <label htmlFor="booking-all">{t("cinema.admin.includeCancelled")}</label>
        </div>
        <button type="submit" className="button button--secondary">
          {t("cinema.admin.search")}
        </button>
        {d.q || d.all ? <LocalLink to={base}>{t("cinema.admin.showAll")}</LocalLink> : null}
      </Form>

      <div className="table-wrap">
        <table>
          <caption>
            {d.q ? t("cinema.admin.bookingsCaptionSearch", { q: d.q, n: d.bookings.length }) : t("cinema.admin.bookingsCaption", { n: d.bookings.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("cinema.booking.reference")}</th>
              <th scope="col">{t("cinema.check.name")}</th>
              <th scope="col">{t("cinema.check.phone")}</th>
              <th scope="col">{t("cinema.check.people")}</th>
              <th scope="col">{t("cinema.check.seats")}</th>
              <th scope="col">{t("cinema.check.needs")}</th>
              <th scope="col">{t("cinema.booking.status")}</th>
              <th scope="col">{t("cinema.admin.colDoor")}</th>
            </tr>
          </thead>
          <tbody>
            {d.bookings.length === 0 ? (
              <tr>
                <td colSpan={8}>{d.q ? t("cinema.admin.noMatch") : t("cinema.admin.noBookings")}</td>
              </tr>
            ) : null}
            {d.bookings.map((b) => (
              <tr key={b.reference}>
                <th scope="row">{b.reference}</th>
                <td>{b.name}</td>
                <td>
                  {revealed?.reference === b.reference ? (
                    <span className="phone-full">{revealed.phone}</span>
                  ) : (
                    <>
                      <span>{b.phoneMasked}</span>{" "}
                      <Form method="post" action={here} className="inline-form">
                        <input type="hidden" name="reference" value={b.reference} />
                        {d.q ? <input type="hidden" name="q" value={d.q} /> : null}
                        <button type="submit" name="intent" value="reveal" className="button button--secondary button--small">
                          {t("cinema.admin.showPhone")}
                          <span className="visually-hidden"> {b.reference}</span>
                        </button>
                      </Form>
                    </>
                  )}
                </td>
                <td>{b.tickets}</td>
                <td>{b.seats}</td>
                <td>{b.needs.length ? b.needs.map((n) => t(needLabelKey(n))).join(t("cinema.listSeparator")) : t("cinema.admin.noNeeds")}</td>
                <td>{t(`cinema.booking.statuses.${b.status}`)}</td>
                <td>
                  {b.status === "confirmed" ? (
                    <Form method="post" action={here} className="inline-form">
                      <input type="hidden" name="reference" value={b.reference} />
                      {d.q ? <input type="hidden" name="q" value={d.q} /> : null}
                      {d.all ? <input type="hidden" name="all" value="1" /> : null}
                      <button type="submit" name="intent" value="checkin" className="button button--small">
                        {t("cinema.admin.checkIn")}
                        <span className="visually-hidden">
                          {" "}
                          {b.reference} {b.name}
                        </span>
                      </button>
                    </Form>
                  ) : b.status === "checked_in" && b.checkedInAt ? (
                    t("cinema.admin.checkedInAt", { time: formatTime(b.checkedInAt, locale) })
                  ) : (
                    t("cinema.admin.noCheckIn")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
