import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { centreErrors } from "~/components/centre/centre-errors";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { cardDecisionSchema, CentreError, decideCard, getCardForStaff, NotFound } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => t("centre.admin.card.title", { reference: (data as { card?: { reference: string } } | undefined)?.card?.reference ?? "" }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("centre.admin.library.title"), to: "/admin/library" },
    { label: (data as { card?: { reference: string } } | undefined)?.card?.reference ?? "" },
  ],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "content");
  try {
    const card = await getCardForStaff(getDb(), actorOf(session), String(params.reference ?? ""));
    return { card, saved: new URL(request.url).searchParams.get("saved") === "1" };
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

const formId = "card-decision";

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const submission = parseWithZod(await readFormData(request), { schema: cardDecisionSchema });
  if (submission.status !== "success") return data({ hasErrors: true, lastResult: submission.reply(), message: null as string | null }, { status: 400 });
  const reference = String(params.reference ?? "");
  try {
    await decideCard(getDb(), actorOf(session), reference, submission.value);
  } catch (error) {
    if (!(error instanceof CentreError)) throw error;
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    return data({ hasErrors: true, lastResult: submission.reply(), message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
  }
  return redirect(localePath(`/admin/library/${encodeURIComponent(reference)}?saved=1`, locale));
}

export default function AdminCard() {
  const { t, locale } = useT();
  const { card, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // (Conform's reply as the action data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData?.lastResult as never);
  const { fieldErrors, summary } = centreErrors(t, state, formId, ["decision", "reason"]);
  const errors = actionData?.message ? [{ text: actionData.message }, ...summary] : summary;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("centre.admin.card.title", { reference: card.reference })}</h1>
      {saved ? (
        <p role="status" className="notice notice--success">
          {t("centre.admin.card.saved")}
        </p>
      ) : null}
      <h2>{t("centre.admin.card.details")}</h2>
      <dl className="summary-list">
        {[
          [t("centre.fields.name"), card.name],
          [t("centre.fields.phone"), card.phone],
          [t("centre.fields.disability"), t(`centre.disability.${card.disability as "vision"}`)],
          [t("centre.fields.certificate"), card.certificateMasked ?? t("centre.card.check.noCertificate")],
          [t("centre.fields.format"), t(`centre.formats.${card.format}`)],
          [t("centre.fields.collect"), t(`centre.collect.${card.collect}`)],
          [t("centre.fields.address"), card.address ?? t("centre.admin.card.addressNone")],
          [t("centre.admin.library.colReceived"), formatDateTime(card.createdAt, locale)],
          [t("centre.admin.library.colStatus"), t(`centre.cardStatus.status.${card.status}`)],
        ].map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {card.status === "pending" ? (
        <Form method="post" id={formId} noValidate>
          <RadioGroupField
            id={fieldId(formId, "decision")}
            name="decision"
            legend={<h2 className="legend-heading">{t("centre.admin.card.decideHeading")}</h2>}
            options={[
              { value: "issue", label: t("centre.admin.card.issue") },
              { value: "refuse", label: t("centre.admin.card.refuse") },
            ]}
            errors={fieldErrors.decision}
            defaultValue={state.value("decision")}
          />
          <TextAreaField id={fieldId(formId, "reason")} name="reason" label={t("centre.fields.reason")} hint={t("centre.admin.card.reasonHint")} errors={fieldErrors.reason} defaultValue={state.value("reason")} rows={3} />
          <button type="submit" className="button">
            {t("centre.admin.card.save")}
          </button>
        </Form>
      ) : card.status === "withdrawn" ? (
        <p>{t("centre.admin.card.withdrawn", { at: card.withdrawnAt ? formatDateTime(card.withdrawnAt, locale) : "" })}</p>
      ) : (
        <p>{t("centre.admin.card.decided", { status: t(`centre.cardStatus.status.${card.status}`), by: card.decidedBy ?? "", at: card.decidedAt ? formatDateTime(card.decidedAt, locale) : "" })}</p>
      )}
      <p>
        <LocalLink to="/admin/library">{t("centre.admin.card.back")}</LocalLink>
      </p>
    </div>
  );
}
