import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { VersionDiffTable, VersionHistory } from "~/components/content/VersionHistory";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { documentHistory, restoreVersion, versionDiff } from "~/modules/content/editorial.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => t("admin.editor.history.diffTitle", { title: (data as Data | undefined)?.title ?? "" }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("admin.editor.title"), to: "/admin/content" },
    { label: (data as Data | undefined)?.title ?? "", to: `/admin/content/${(data as Data | undefined)?.id ?? ""}` },
    { label: t("admin.editor.history.title") },
  ],
};

const revision = z.coerce.number().int().positive().max(1_000_000_000);
const compareQuery = z.object({ from: revision.optional(), to: revision.optional() });
const restoreForm = z.object({ revision, expectedRevision: revision });

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const db = getDb();
  const id = params.id ?? "";
  const history = await documentHistory(db, id);
  if (!history) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const query = compareQuery.safeParse({ from: url.searchParams.get("from") || undefined, to: url.searchParams.get("to") || undefined });
  if (!query.success) throw new Response("Bad Request", { status: 400 });
  const to = query.data.to ?? history.current;
  const from = query.data.from ?? history.items.find((v) => v.revision < to)?.revision ?? to;
  const diff = await versionDiff(db, id, from, to);
  if (!diff) throw new Response("Not Found", { status: 404 });
  return { id, title: history.title, history, diff };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const id = params.id ?? "";
  const form = restoreForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!form.success) throw new Response("Bad Request", { status: 400 });
  const result = await restoreVersion(getDb(), actorOf(session), { id, ...form.data });
  if (result.ok) return redirect(localePath(`/admin/content/${id}/preview?restored=${form.data.revision}`, locale));
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  const reason: "conflict" | "invalid" = result.reason === "conflict" ? "conflict" : "invalid";
  return data({ hasErrors: true, reason, revision: form.data.revision }, { status: 409 });
}

/** Two versions of a document compared line by line, with its whole history (compare again, restore). */
export default function DocumentVersions() {
  const { t } = useT();
  const { id, title, history, diff } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div className="page">
      <ErrorSummary errors={refused ? [{ text: t(`admin.editor.history.restoreErrors.${refused.reason}`, { revision: refused.revision }) }] : []} />
      <h1>{t("admin.editor.history.diffTitle", { title })}</h1>
      <p>
        <LocalLink to={`/admin/content/${id}`}>{t("admin.editor.backToEdit", { title })}</LocalLink>
      </p>
      {diff.same ? <p>{t("admin.editor.history.noDifference", { from: diff.from, to: diff.to })}</p> : <VersionDiffTable from={diff.from} to={diff.to} lines={diff.lines} />}
      <VersionHistory id={id} items={history.items} current={history.current} />
    </div>
  );
}
