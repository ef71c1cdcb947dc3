import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { StaffScreeningSummary, staffTitle } from "~/components/cinema/StaffScreeningSummary";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { loadStaffScreening, staffScreeningData } from "~/http/cinema-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { cancelScreening, listBookings, listWaitingList, screeningCallList } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const links = cinemaLinks;

type Data = { screening?: { id: string; title: { zh: string; en: string } } } | undefined;
export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t, data, locale }) => t("cinema.admin.cancelTitle", { title: (data as Data)?.screening ? staffTitle((data as Data)!.screening!, locale) : "" }),
  crumbs: ({ t, data, locale }) => {
    const s = (data as Data)?.screening;
    return [
      { label: t("admin.dashboard"), to: "/admin" },
      { label: t("cinema.admin.title"), to: "/admin/cinema" },
      ...(s ? [{ label: staffTitle(s, locale), to: `/admin/cinema/${s.id}` }] : []),
      { label: t("cinema.admin.cancelScreening") },
    ];
  },
};

/** GET: what cancelling means (how many parties to call) and a confirm button. Nothing changes on GET. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const bookings = await listBookings(getDb(), screening.id);
  const waiting = (await listWaitingList(getDb(), screening.id)).filter((e) => e.position !== null).length;
  return {
    screening: staffScreeningData(screening),
    parties: bookings.filter((b) => b.status === "confirmed").length,
    people: bookings.filter((b) => b.status === "confirmed").reduce((n, b) => n + b.tickets, 0),
    waiting,
  };
}

const cancelSchema = z.object({ intent: z.enum(["cancel", "callList"]) });

/**
 * POST cancel: the screening is cancelled, its bookings marked cancelled, and the call list (names and full
 * phones) shown once in the answer; POST callList shows it again later. Every showing is audited.
 */
export async function action({ params, request }: ActionFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const parsed = cancelSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ hasErrors: true, error: "badRequest" as const, callList: null }, { status: 400 });
  const actor = actorOf(session);
  if (parsed.data.intent === "cancel") {
    if (screening.status === "cancelled") return data({ hasErrors: true, error: "alreadyCancelled" as const, callList: null }, { status: 409 });
    if (screening.booking === "past") return data({ hasErrors: true, error: "notEditable" as const, callList: null }, { status: 409 });
    const callList = await cancelScreening(getDb(), actor, screening.id);
    return { hasErrors: false, error: null, cancelledNow: true, callList };
  }
  if (screening.status !== "cancelled") return data({ hasErrors: true, error: "notCancelled" as const, callList: null }, { status: 409 });
  const callList = await screeningCallList(getDb(), actor, screening.id);
  return { hasErrors: false, error: null, cancelledNow: false, callList };
}

export default function CancelScreening() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const s = loaded.screening;
  const title = staffTitle(s, locale);
  const base = `/admin/cinema/${s.id}`;
  const callList = result?.callList ?? null;

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.hasErrors ? [{ text: t(`cinema.admin.errors.${result.error ?? "badRequest"}`) }] : []} />
      <h1>{t("cinema.admin.cancelTitle", { title })}</h1>
      {result && "cancelledNow" in result && result.cancelledNow ? (
        <div className="notice notice--success" role="status">
          <p>{t("cinema.admin.cancelledNotice", { title, n: callList?.length ?? 0 })}</p>
        </div>
      ) : null}
      <StaffScreeningSummary screening={s} />

      {callList ? (
        <>
          <h2>{t("cinema.admin.callListTitle")}</h2>
          <p>{t("cinema.admin.callListIntro")}</p>
          <div className="table-wrap">
            <table>
              <caption>{t("cinema.admin.callListCaption", { n: callList.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cinema.admin.colReference")}</th>
                  <th scope="col">{t("cinema.check.name")}</th>
                  <th scope="col">{t("cinema.check.phone")}</th>
                  <th scope="col">{t("cinema.check.people")}</th>
                </tr>
              </thead>
              <tbody>
                {callList.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t("cinema.admin.callListEmpty")}</td>
                  </tr>
                ) : null}
                {callList.map((c) => (
                  <tr key={c.reference}>
                    <th scope="row">{c.reference}</th>
                    <td>{c.name}</td>
                    <td>
                      <a href={`tel:${c.phone}`} className="phone-full">
                        {c.phone}
                      </a>
                    </td>
                    <td>{c.tickets}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : s.status === "cancelled" ? (
        <>
          <p className="notice">{t("cinema.window.cancelled")}</p>
          <Form method="post" action={href(`${base}/cancel`)}>
            <p>{t("cinema.admin.callListAudited")}</p>
            <button type="submit" name="intent" value="callList" className="button button--secondary">
              {t("cinema.admin.showCallList")}
            </button>
          </Form>
        </>
      ) : s.booking === "past" ? (
        <p className="notice">{t("cinema.admin.errors.notEditable")}</p>
      ) : (
        <>
          <h2>{t("cinema.admin.cancelQuestion")}</h2>
          <p>{t("cinema.admin.cancelConsequence", { parties: loaded.parties, people: loaded.people, waiting: loaded.waiting })}</p>
          <p>{t("cinema.admin.callListAudited")}</p>
          <Form method="post" action={href(`${base}/cancel`)}>
            <div className="button-row">
              <button type="submit" name="intent" value="cancel" className="button">
                {t("cinema.admin.cancelConfirm", { title })}
              </button>
              <LocalLink to={base}>{t("cinema.admin.cancelKeep")}</LocalLink>
            </div>
          </Form>
        </>
      )}
      <p>
        <LocalLink to={base}>{t("cinema.admin.backToBookings")}</LocalLink>
      </p>
    </div>
  );
}
