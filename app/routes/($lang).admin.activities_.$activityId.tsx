import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { OfferChainTable } from "~/components/OfferChainTable";
import { useLocale } from "~/components/use-locale";
import { useReportFormErrors } from "~/components/use-form-errors-state";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { attendanceSchema, getActivity, listActivityOfferChain, listSignups, NotFound, recordAttendance } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data, locale }) => {
    const a = (data as { activity?: { title: { zh: string; en: string } } } | undefined)?.activity;
    return t("centre.admin.signups.title", { title: a ? (locale === "en" ? a.title.en : a.title.zh) : "" });
  },
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("centre.admin.activities.title"), to: "/admin/activities" }, { label: t("centre.admin.activities.signups") }],
};

async function load(id: string) {
  try {
    return await getActivity(getDb(), id, { includeDrafts: true });
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "content");
  const activity = await load(String(params.activityId ?? ""));
  const signups = await listSignups(getDb(), actorOf(session), activity.id);
  const offers = await listActivityOfferChain(getDb(), activity.id);
  const saved = new URL(request.url).searchParams.get("attended");
  return { activity, signups, offers, saved };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const activity = await load(String(params.activityId ?? ""));
  const submission = parseWithZod(await readFormData(request), { schema: attendanceSchema });
  if (submission.status !== "success") return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  const n = await recordAttendance(getDb(), actorOf(session), activity.id, submission.value.attended);
  return redirect(localePath(`/admin/activities/${activity.id}?attended=${n}`, locale));
}

export default function ActivitySignups() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { activity, signups, offers, saved } = useLoaderData<typeof loader>();
  // A post the form cannot send (a reference not listed): only the title says so, as before.
  useReportFormErrors(Boolean(useActionData<typeof action>()?.hasErrors));
  const title = locale === "en" ? activity.title.en : activity.title.zh;
  return (
    <div className="page">
      <h1>{t("centre.admin.signups.title", { title })}</h1>
      {saved !== null ? (
        <p role="status" className="notice notice--success">
          {t("centre.admin.signups.attendanceSaved", { n: saved })}
        </p>
      ) : null}
      <p>{t("centre.admin.signups.intro")}</p>
      <p>
        <LocalLink to={`/admin/activities/${activity.id}/edit`}>{t("centre.admin.activities.edit")}</LocalLink>
        {" · "}
        <a href={href(`/admin/activities/${activity.id}/export`)} download>
          {t("centre.admin.signups.export")}
        </a>
      </p>
      {signups.length ? (
        <Form method="post">
          <p>{t("centre.admin.signups.attendanceHint")}</p>
          <div className="table-wrap">
            <table>
              <caption>{t("centre.admin.signups.caption", { count: signups.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("centre.admin.signups.colReference")}</th>
                  <th scope="col">{t("centre.admin.signups.colName")}</th>
                  <th scope="col">{t("centre.admin.signups.colPhone")}</th>
                  <th scope="col">{t("centre.admin.signups.colNeeds")}</th>
                  <th scope="col">{t("centre.admin.signups.colStatus")}</th>
                  <th scope="col">{t("centre.admin.signups.colAttended")}</th>
                </tr>
              </thead>
              <tbody>
                {signups.map((s) => (
                  <tr key={s.reference}>
                    <th scope="row">{s.reference}</th>
                    <td>{s.name}</td>
                    <td>{s.phone}</td>
                    <td>{s.needs.map((n) => t(`centre.features.${n}`)).join(t("centre.listSeparator"))}</td>
                    <td>
                      {t(`centre.signupStatus.${s.status}`)} · {formatDateTime(s.createdAt, locale)}
                    </td>
                    <td>
                      {s.status === "confirmed" ? (
                        <input type="checkbox" name="attended" value={s.reference} defaultChecked={s.attended} aria-label={t("centre.admin.signups.attendedLabel", { name: s.name })} />
                      ) : (
                        t("centre.admin.signups.no")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" className="button">
            {t("centre.admin.signups.saveAttendance")}
          </button>
        </Form>
      ) : (
        <p>{t("centre.admin.signups.none")}</p>
      )}
      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading">{t("centre.admin.offers.title")}</h2>
        <p>{t("centre.admin.offers.intro")}</p>
        <OfferChainTable
          caption={t("centre.admin.offers.caption", { n: offers.length })}
          none={t("centre.admin.offers.none")}
          columns={[
            t("centre.admin.offers.colReference"),
            t("centre.admin.offers.colName"),
            t("centre.admin.offers.colPhone"),
            t("centre.admin.offers.colOffered"),
            t("centre.admin.offers.colUntil"),
            t("centre.admin.offers.colOutcome"),
          ]}
          rows={offers.map((o) => ({ ...o, detail: o.phoneMasked, outcome: t(`centre.admin.offers.status.${o.status}`) }))}
        />
      </section>
    </div>
  );
}
