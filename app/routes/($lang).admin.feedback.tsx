import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { feedbackStatuses, type FeedbackStatus } from "~/modules/feedback/feedback-constants";
import { listFeedback } from "~/modules/feedback/index.server";
import { requireStaff } from "~/modules/staff/index.server";
import { parsePage } from "~/http/query-numbers";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t }) => t("admin.feedback"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("admin.feedback") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const search = new URL(request.url).searchParams;
  const statusParam = search.get("status");
  const status = (feedbackStatuses as readonly string[]).includes(statusParam ?? "") ? (statusParam as FeedbackStatus) : undefined;
  const result = await listFeedback(getDb(), { status, page: parsePage(search) });
  return { ...result, status: status ?? "" };
}

export default function FeedbackInbox() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { items, page, pageCount, status, total } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.feedback")}</h1>
      <p>{t("admin.feedbackIntro")}</p>
      <Form method="get" action={href("/admin/feedback")} className="filter-form">
        <label htmlFor="feedback-status">{t("admin.filterStatus")}</label>
        <select id="feedback-status" name="status" defaultValue={status}>
          <option value="">{t("admin.allStatuses")}</option>
          {feedbackStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`admin.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("admin.filter")}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>
            {t("admin.feedbackCaption")} ({total})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.colReference")}</th>
              <th scope="col">{t("admin.colTopic")}</th>
              <th scope="col">{t("admin.message")}</th>
              <th scope="col">{t("admin.colContact")}</th>
              <th scope="col">{t("admin.colReceived")}</th>
              <th scope="col">{t("admin.colStatus")}</th>
              <th scope="col">{t("messages.admin.colDelivery")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.reference}>
                <th scope="row">
                  <LocalLink to={`/admin/feedback/${item.reference}`} aria-label={t("admin.open", { reference: item.reference })}>
                    {item.reference}
                  </LocalLink>
                </th>
                <td>{t(`feedback.topics.${item.topic as "other"}`)}</td>
                <td>{item.excerpt}</td>
                <td>{item.contact ?? t("admin.none")}</td>
                <td>
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
                </td>
                <td>{t(`admin.status.${item.status as FeedbackStatus}`)}</td>
                <td>{item.replyDelivery ? t(`messages.status.${item.replyDelivery}`) : t("messages.admin.noDelivery")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
