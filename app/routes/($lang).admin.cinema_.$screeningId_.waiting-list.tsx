import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { StaffScreeningSummary, staffTitle } from "~/components/cinema/StaffScreeningSummary";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { OfferChainTable } from "~/components/OfferChainTable";
import { useLocale } from "~/components/use-locale";
import { loadStaffScreening, staffScreeningData } from "~/http/cinema-admin.server";
import { domainErrorInit } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listOfferChain, listWaitingList, NotAllowed, revealWaitingPhone, seatList, setWaitingStatus, waitingStatusSchema } from "~/modules/cinema/index.server";
import { staffStatusChoices } from "~/modules/cinema/waiting-status";
import { getDb } from "~/modules/db/index.server";
import { plainText } from "~/modules/privacy/text-fields";
import { normaliseReference } from "~/modules/shared/reference";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const links = cinemaLinks;

type Data = { screening?: { id: string; title: { zh: string; en: string } } } | undefined;
export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t, data, locale }) => t("cinema.admin.waitingTitle", { title: (data as Data)?.screening ? staffTitle((data as Data)!.screening!, locale) : "" }),
  crumbs: ({ t, data, locale }) => {
    const s = (data as Data)?.screening;
    return [
      { label: t("admin.dashboard"), to: "/admin" },
      { label: t("cinema.admin.title"), to: "/admin/cinema" },
      ...(s ? [{ label: staffTitle(s, locale), to: `/admin/cinema/${s.id}` }] : []),
      { label: t("cinema.admin.waitingList") },
    ];
  },
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const entries = await listWaitingList(getDb(), screening.id);
  // The chain of offers (who was offered which seats when, and what came of it), seats in words.
  const offers = (await listOfferChain(getDb(), screening.id)).map(({ seats, ...offer }) => ({ ...offer, seatWords: seatList(seats, locale) }));
  return { screening: staffScreeningData(screening), entries, offers, updated: new URL(request.url).searchParams.get("updated") ?? "" };
}

const revealSchema = z.object({ intent: z.literal("reveal"), id: plainText({ max: 20, min: 1 }) });
const statusSchema = waitingStatusSchema.extend({ intent: z.literal("status") });

/** POST status: the outcome of an offer (audited). POST reveal: the full phone to call (audited). */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const form = Object.fromEntries(await readFormData(request));
  const entries = await listWaitingList(getDb(), screening.id);
  const own = (id: string) => entries.some((e) => e.id === normaliseReference(id));
  const reveal = revealSchema.safeParse(form);
  if (reveal.success) {
    if (!own(reveal.data.id)) return data({ hasErrors: true, error: "notFound" as const, revealed: null }, { status: 404 });
    const id = normaliseReference(reveal.data.id);
    const phone = await revealWaitingPhone(getDb(), actorOf(session), id);
    return { hasErrors: false, error: null, revealed: { id, phone } };
  }
  const change = statusSchema.safeParse(form);
  if (!change.success) return data({ hasErrors: true, error: "badRequest" as const, revealed: null }, { status: 400 });
  const id = normaliseReference(change.data.id);
  if (!own(id)) return data({ hasErrors: true, error: "notFound" as const, revealed: null }, { status: 404 });
  try {
    await setWaitingStatus(getDb(), actorOf(session), id, change.data.status);
  } catch (error) {
    if (error instanceof NotAllowed) return data({ hasErrors: true, error: "systemStatus" as const, revealed: null }, domainErrorInit(error));
    throw error;
  }
  return redirect(localePath(`/admin/cinema/${screening.id}/waiting-list?updated=${encodeURIComponent(id)}`, locale));
}

export default function WaitingList() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { screening: s, entries, offers, updated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const title = staffTitle(s, locale);
  const formAction = href(`/admin/cinema/${s.id}/waiting-list`);
  const updatedEntry = entries.find((e) => e.id === updated);
  const next = entries.find((e) => e.status === "waiting");
  return (
    <div className="page">
      <ErrorSummary errors={result?.hasErrors ? [{ text: t(`cinema.admin.errors.${result.error ?? "badRequest"}`) }] : []} />
      <h1>{t("cinema.admin.waitingTitle", { title })}</h1>
      {updatedEntry ? (
        <div className="notice notice--success" role="status">
          <p>{t("cinema.admin.waitingUpdated", { id: updatedEntry.id, status: t(`cinema.admin.waitingStatus.${updatedEntry.status}`) })}</p>
        </div>
      ) : null}
      <StaffScreeningSummary screening={s} />
      <p>{t("cinema.admin.waitingIntro")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("cinema.admin.waitingCaption", { n: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cinema.admin.colWaitingId")}</th>
              <th scope="col">{t("cinema.admin.colPosition")}</th>
              <th scope="col">{t("cinema.check.name")}</th>
              <th scope="col">{t("cinema.check.phone")}</th>
              <th scope="col">{t("cinema.check.people")}</th>
              <th scope="col">{t("cinema.admin.colJoined")}</th>
              <th scope="col">{t("cinema.admin.colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={7}>{t("cinema.admin.waitingEmpty")}</td>
              </tr>
            ) : null}
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.id}</th>
                <td>{e.position ?? t("cinema.admin.noPosition")}</td>
                <td>{e.name}</td>
                <td>
                  {result?.revealed?.id === e.id ? (
                    <a href={`tel:${result.revealed.phone}`} className="phone-full">
                      {result.revealed.phone}
                    </a>
                  ) : (
                    <>
                      <span>{e.phoneMasked}</span>{" "}
                      <Form method="post" action={formAction} className="inline-form">
                        <input type="hidden" name="id" value={e.id} />
                        <button type="submit" name="intent" value="reveal" className="button button--secondary button--small">
                          {t("cinema.admin.showPhone")}
                          <span className="visually-hidden"> {e.id}</span>
                        </button>
                      </Form>
                    </>
                  )}
                </td>
                <td>{e.tickets}</td>
                <td>
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time>
                </td>
                <td>
                  <Form method="post" action={formAction} className="inline-form">
                    <input type="hidden" name="id" value={e.id} />
                    <label htmlFor={`status-${e.id}`} className="visually-hidden">
                      {t("cinema.admin.statusOf", { id: e.id })}
                    </label>
                    <select id={`status-${e.id}`} name="status" defaultValue={e.status}>
                      {staffStatusChoices(e.status).map((status) => (
                        <option key={status} value={status}>
                          {t(`cinema.admin.waitingStatus.${status}`)}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" name="intent" value="status" className="button button--secondary button--small">
                      {t("cinema.admin.saveStatus")}
                      <span className="visually-hidden"> {e.id}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading">{t("cinema.admin.offers.title")}</h2>
        <p>{t("cinema.admin.offers.intro")}</p>
        <p>{next ? t("cinema.admin.offers.next", { id: next.id, name: next.name, n: next.tickets }) : t("cinema.admin.offers.nextNone")}</p>
        <OfferChainTable
          caption={t("cinema.admin.offers.caption", { n: offers.length })}
          none={t("cinema.admin.offers.none")}
          columns={[
            t("cinema.admin.offers.colEntry"),
            t("cinema.admin.offers.colName"),
            t("cinema.admin.offers.colSeats"),
            t("cinema.admin.offers.colOffered"),
            t("cinema.admin.offers.colUntil"),
            t("cinema.admin.offers.colOutcome"),
          ]}
          rows={offers.map((o) => ({
            reference: o.entryId,
            name: o.name,
            detail: o.seatWords,
            offeredAt: o.offeredAt,
            expiresAt: o.expiresAt,
            answeredAt: o.answeredAt,
            outcome: o.status === "booked" && o.bookingReference ? t("cinema.admin.offers.bookedAs", { reference: o.bookingReference }) : t(`cinema.admin.offers.status.${o.status}`),
          }))}
        />
      </section>
      <p>
        <LocalLink to={`/admin/cinema/${s.id}`}>{t("cinema.admin.backToBookings")}</LocalLink>
      </p>
    </div>
  );
}
