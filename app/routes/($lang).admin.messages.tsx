import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { MessageRow } from "~/components/messages/MessageRow";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { parsePage } from "~/http/query-numbers";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { messageStatuses, type MessageStatus } from "~/modules/messages/message-constants";
import { listMessages, retryMessage } from "~/modules/messages/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "admin",
  title: ({ t }) => t("messages.admin.title"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("messages.admin.title") }],
};

/** The outbox shows recipients masked only, so looking at it is not audited; sending again is. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "admin");
  const search = new URL(request.url).searchParams;
  const statusParam = search.get("status");
  const status = (messageStatuses as readonly string[]).includes(statusParam ?? "") ? (statusParam as MessageStatus) : undefined;
  const result = await listMessages(getDb(), { status, page: parsePage(search) });
  return { ...result, status: status ?? "" };
}

// raw: a UUID or nothing, never stored
const retrySchema = z.object({ intent: z.literal("retry"), id: z.string().uuid() });

export async function action({ params, request }: ActionFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "admin");
  const parsed = retrySchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ outcome: "notRetried" as const }, { status: 400 });
  const retried = await retryMessage(getDb(), parsed.data.id, actorOf(session));
  return retried ? { outcome: "retried" as const } : data({ outcome: "notRetried" as const }, { status: 409 });
}

export default function MessageOutbox() {
  const { t } = useT();
  const { href } = useLocale();
  const { items, page, pageCount, status, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{t("messages.admin.title")}</h1>
      {result ? (
        <div className={`notice ${result.outcome === "retried" ? "notice--success" : "notice--error"}`} role={result.outcome === "retried" ? "status" : "alert"}>
          <p>{t(`messages.admin.${result.outcome}`)}</p>
        </div>
      ) : null}
      <p>{t("messages.admin.intro")}</p>
      <Form method="get" action={href("/admin/messages")} className="filter-form">
        <label htmlFor="message-status">{t("messages.admin.filterStatus")}</label>
        <select id="message-status" name="status" defaultValue={status}>
          <option value="">{t("messages.admin.allStatuses")}</option>
          {messageStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`messages.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("messages.admin.filter")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p>{t("messages.admin.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {t("messages.admin.caption")} ({total})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("messages.admin.colReference")}</th>
                <th scope="col">{t("messages.admin.colChannel")}</th>
                <th scope="col">{t("messages.admin.colRecipient")}</th>
                <th scope="col">{t("messages.admin.colText")}</th>
                <th scope="col">{t("messages.admin.colCreated")}</th>
                <th scope="col">{t("messages.admin.colStatus")}</th>
                <th scope="col">{t("messages.admin.colAttempts")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <MessageRow key={item.id} message={item} retryAction={href(`/admin/messages${status ? `?status=${status}` : ""}`)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
