import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { homeModErrors } from "~/components/centre/centre-errors";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { actionsFrom, qingyuanCounties } from "~/modules/home-modification/home-mod-constants";
import { getHomeModForStaff, HomeModError, HomeModNotFound, homeModStaffSchema, recordHomeModStep } from "~/modules/home-modification/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

type Data = { app?: { reference: string } } | undefined;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t, data }) => t("homeMod.admin.detailTitle", { reference: (data as Data)?.app?.reference ?? "" }),
  crumbs: ({ t, data }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("homeMod.admin.title"), to: "/admin/home-modification" },
    { label: (data as Data)?.app?.reference ?? "" },
  ],
};

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "lending");
  try {
    const app = await getHomeModForStaff(getDb(), actorOf(session), String(params.reference ?? ""));
    return { app, actions: actionsFrom(app.status), saved: new URL(request.url).searchParams.get("saved") === "1" };
  } catch (error) {
    if (error instanceof HomeModNotFound) throw notFound();
    throw error;
  }
}

const formId = "home-mod-work";
const fieldOrder = ["visitDate", "findings", "decision", "reason", "supervision", "supervisionNote"] as const;

/** One step of the work (intent: assess, decide, start, finish, supervise); a step that cannot follow is a 409 through the one mapper. */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const submission = parseWithZod(await readFormData(request), { schema: homeModStaffSchema });
  if (submission.status !== "success") return data({ hasErrors: true, lastResult: submission.reply(), message: null as string | null }, { status: 400 });
  const reference = String(params.reference ?? "");
  try {
    await recordHomeModStep(getDb(), actorOf(session), reference, submission.value);
  } catch (error) {
    if (!(error instanceof HomeModError)) throw error;
    if (error instanceof HomeModNotFound) throw notFound();
    return data({ hasErrors: true, lastResult: submission.reply(), message: domainErrorMessage(getFixedT(locale), error) as string | null }, domainErrorInit(error));
  }
  return redirect(localePath(`/admin/home-modification/${encodeURIComponent(reference)}?saved=1`, locale));
}

export default function AdminHomeModDetail() {
  const { t, locale } = useT();
  const { app, actions, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // (Conform's reply as the action data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData?.lastResult as never);
  const { fieldErrors, summary } = homeModErrors(t, state, formId, fieldOrder);
  const errors = actionData?.message ? [{ text: actionData.message }, ...summary] : summary;
  const county = qingyuanCounties.find((c) => c.id === app.county);
  const none = t("homeMod.admin.none_");
  const needs = [...app.needs.filter((n) => n !== "other").map((n) => t(`homeMod.needs.${n}`)), ...(app.needsOther ? [app.needsOther] : [])].join(t("homeMod.listSeparator"));
  const rows: Array<[string, string]> = [
    [t("homeMod.fields.name"), app.name],
    [t("homeMod.fields.forWhom"), t(`homeMod.forWhom.${app.forWhom}`)],
    [t("homeMod.fields.certificate"), app.certificateMasked ?? t("homeMod.steps.check.noCertificate")],
    [t("homeMod.fields.county"), county ? (locale === "en" ? county.en : county.zh) : app.county],
    [t("homeMod.fields.address"), app.address ?? none],
    [t("homeMod.fields.householdSize"), String(app.householdSize)],
    [t("homeMod.fields.lowIncome"), t(`homeMod.lowIncome.${app.lowIncome}`)],
    [t("homeMod.fields.needs"), needs],
    [t("homeMod.fields.contactName"), app.contactName],
    [t("homeMod.fields.phone"), app.phone],
    [t("homeMod.admin.cols.received"), formatDateTime(app.createdAt, locale)],
    [t("homeMod.admin.cols.status"), t(`homeMod.status.${app.status}`)],
  ];
  const log = [
    app.visitDate ? t("homeMod.admin.log.assessed", { date: formatDate(app.visitDate, locale), by: app.assessedBy ?? "" }) + (app.findings ? `：${app.findings}` : "") : null,
    app.decidedAt ? t("homeMod.admin.log.decided", { at: formatDateTime(app.decidedAt, locale), by: app.decidedBy ?? "" }) + (app.reason ? `：${app.reason}` : "") : null,
    app.workStartedAt ? t("homeMod.admin.log.started", { at: formatDateTime(app.workStartedAt, locale) }) : null,
    app.workFinishedAt ? t("homeMod.admin.log.finished", { at: formatDateTime(app.workFinishedAt, locale) }) : null,
    app.supervision && app.supervisedAt
      ? t("homeMod.admin.log.supervised", { result: t(`homeMod.supervision.${app.supervision}`), at: formatDateTime(app.supervisedAt, locale), by: app.supervisedBy ?? "" }) +
        (app.supervisionNote ? `：${app.supervisionNote}` : "")
      : null,
  ].filter((line): line is string => Boolean(line));
  const id = (name: string) => fieldId(formId, name);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("homeMod.admin.detailTitle", { reference: app.reference })}</h1>
      {saved ? (
        <p role="status" className="notice notice--success">
          {t("homeMod.admin.saved")}
        </p>
      ) : null}
      <h2>{t("homeMod.admin.details")}</h2>
      <dl className="summary-list">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("homeMod.admin.work")}</h2>
      {log.length ? (
        <ul>
          {log.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>{none}</p>
      )}

      {actions.includes("assess") ? (
        <Form method="post" id={formId} noValidate>
          <input type="hidden" name="intent" value="assess" />
          <h2>{t("homeMod.admin.assessHeading")}</h2>
          <TextField id={id("visitDate")} name="visitDate" type="date" label={t("homeMod.fields.visitDate")} errors={fieldErrors.visitDate} defaultValue={state.value("visitDate") || app.visitDate || ""} />
          <TextAreaField id={id("findings")} name="findings" label={t("homeMod.fields.findings")} errors={fieldErrors.findings} defaultValue={state.value("findings") || app.findings || ""} rows={4} />
          <button type="submit" className="button">
            {t("homeMod.admin.saveAssess")}
          </button>
        </Form>
      ) : null}

      {actions.includes("approve") ? (
        <Form method="post" id={`${formId}-decide`} noValidate>
          <input type="hidden" name="intent" value="decide" />
          <RadioGroupField
            id={id("decision")}
            name="decision"
            legend={<h2 className="legend-heading">{t("homeMod.admin.decideHeading")}</h2>}
            options={[
              { value: "approve", label: t("homeMod.admin.approve") },
              { value: "refuse", label: t("homeMod.admin.refuse") },
            ]}
            errors={fieldErrors.decision}
            defaultValue={state.value("decision")}
          />
          <TextAreaField id={id("reason")} name="reason" label={t("homeMod.fields.reason")} hint={t("homeMod.admin.reasonHint")} errors={fieldErrors.reason} defaultValue={state.value("reason")} rows={3} />
          <button type="submit" className="button">
            {t("homeMod.admin.saveDecision")}
          </button>
        </Form>
      ) : null}

      {actions.includes("start") || actions.includes("finish") ? (
        <Form method="post" noValidate>
          <h2>{t("homeMod.admin.workHeading")}</h2>
          <input type="hidden" name="intent" value={actions.includes("start") ? "start" : "finish"} />
          <button type="submit" className="button">
            {t(actions.includes("start") ? "homeMod.admin.startButton" : "homeMod.admin.finishButton")}
          </button>
        </Form>
      ) : null}

      {actions.includes("supervise") ? (
        <Form method="post" id={`${formId}-supervise`} noValidate>
          <input type="hidden" name="intent" value="supervise" />
          <RadioGroupField
            id={id("supervision")}
            name="supervision"
            legend={<h2 className="legend-heading">{t("homeMod.admin.superviseHeading")}</h2>}
            options={[
              { value: "passed", label: t("homeMod.supervision.passed") },
              { value: "failed", label: t("homeMod.supervision.failed") },
            ]}
            errors={fieldErrors.supervision}
            defaultValue={state.value("supervision")}
          />
          <TextAreaField
            id={id("supervisionNote")}
            name="supervisionNote"
            label={t("homeMod.fields.supervisionNote")}
            hint={t("homeMod.admin.supervisionNoteHint")}
            errors={fieldErrors.supervisionNote}
            defaultValue={state.value("supervisionNote")}
            rows={3}
          />
          <button type="submit" className="button">
            {t("homeMod.admin.saveSupervision")}
          </button>
        </Form>
      ) : null}
      <p>
        <LocalLink to="/admin/home-modification">{t("homeMod.admin.back")}</LocalLink>
      </p>
    </div>
  );
}
