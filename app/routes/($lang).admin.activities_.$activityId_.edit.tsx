import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { centreErrors } from "~/components/centre/centre-errors";
import { ErrorSummary } from "~/components/ErrorSummary";
import { CheckboxGroupField, RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { DateTimeField } from "~/components/DateTimeField";
import { fieldId, formState } from "~/components/form-state";
import { chinaLocalToIso, isoToChinaLocal } from "~/http/china-local-time";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { accessibilityFeatures, activityTypes, associations } from "~/modules/centre/centre-constants";
import { activityFormSchema, CentreError, createActivity, getActivity, NotFound, updateActivity, type ActivityInput } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";
import { keyUnder } from "~/i18n/keys";

export const handle: AdminHandle = {
  staffRole: "content",
  title: ({ t, data }) => ((data as { isNew?: boolean } | undefined)?.isNew ? t("centre.admin.activityForm.newTitle") : t("centre.admin.activityForm.editTitle")),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("centre.admin.activities.title"), to: "/admin/activities" }, { label: t("centre.admin.activityForm.editTitle") }],
};

const formId = "activity";
const order = ["type", "associationId", "titleZh", "titleEn", "summaryZh", "summaryEn", "placeZh", "placeEn", "startsAt", "durationMinutes", "capacity", "waitlistSize", "accessibility", "signupOpensAt", "signupClosesAt", "status"];

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const id = String(params.activityId ?? "");
  if (id === "new") return { isNew: true, values: null };
  try {
    const a = await getActivity(getDb(), id, { includeDrafts: true });
    return {
      isNew: false,
      values: {
        type: a.type, associationId: a.associationId ?? "", titleZh: a.title.zh, titleEn: a.title.en, summaryZh: a.summary.zh, summaryEn: a.summary.en, placeZh: a.place.zh, placeEn: a.place.en,
        startsAt: isoToChinaLocal(a.startsAt), durationMinutes: String(a.durationMinutes), capacity: String(a.capacity), waitlistSize: String(a.waitlistSize), accessibility: a.accessibility as string[],
        signupOpensAt: isoToChinaLocal(a.signupOpensAt), signupClosesAt: isoToChinaLocal(a.signupClosesAt), status: a.status,
      },
    };
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "content");
  const id = String(params.activityId ?? "");
  const submission = parseWithZod(await readFormData(request), { schema: activityFormSchema });
  if (submission.status !== "success") return data({ hasErrors: true, lastResult: submission.reply(), message: null as string | null }, { status: 400 });
  const v = submission.value;
  const input: ActivityInput = {
    type: v.type, associationId: v.associationId || null, title: { zh: v.titleZh, en: v.titleEn }, summary: { zh: v.summaryZh, en: v.summaryEn }, place: { zh: v.placeZh, en: v.placeEn },
    startsAt: chinaLocalToIso(v.startsAt), durationMinutes: v.durationMinutes, capacity: v.capacity, waitlistSize: v.waitlistSize, accessibility: v.accessibility,
    signupOpensAt: chinaLocalToIso(v.signupOpensAt), signupClosesAt: chinaLocalToIso(v.signupClosesAt), status: v.status,
  };
  try {
    const saved = id === "new" ? await createActivity(getDb(), actorOf(session), input) : (await updateActivity(getDb(), actorOf(session), id, input), id);
    return redirect(localePath(`/admin/activities/${saved}`, locale));
  } catch (error) {
    if (!(error instanceof CentreError)) throw error;
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    return data({ hasErrors: true, lastResult: submission.reply(), message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
  }
}

export default function ActivityForm() {
  const { t } = useT();
  const { isNew, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // (Conform's reply as the action data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData?.lastResult as never);
  const { fieldErrors, summary } = centreErrors(t, state, formId, order);
  const errors = actionData?.message ? [{ text: actionData.message }, ...summary] : summary;
  const v = (name: string) => (actionData?.lastResult ? state.value(name) : String((values as Record<string, unknown> | null)?.[name] ?? ""));
  const text = (name: string, extra: Record<string, unknown> = {}) => (
    <TextField id={fieldId(formId, name)} name={name} label={t(keyUnder("centre.fields", name))} errors={fieldErrors[name]} defaultValue={v(name)} {...extra} />
  );
  const dateTime = (name: "startsAt" | "signupOpensAt" | "signupClosesAt") => (
    <DateTimeField id={fieldId(formId, name)} name={name} label={t(keyUnder("centre.fields", name))} hint={t("centre.admin.activityForm.timeHint")} errors={fieldErrors[name]} defaultValue={v(name)} />
  );
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>{isNew ? t("centre.admin.activityForm.newTitle") : t("centre.admin.activityForm.editTitle")}</h1>
      <Form method="post" id={formId} noValidate>
        <RadioGroupField id={fieldId(formId, "type")} name="type" legend={t("centre.admin.activityForm.typeLegend")} options={activityTypes.map((ty) => ({ value: ty, label: t(`centre.activityTypes.${ty}`) }))} errors={fieldErrors.type} defaultValue={v("type")} />
        <RadioGroupField
          id={fieldId(formId, "associationId")}
          name="associationId"
          legend={t("centre.fields.associationId")}
          options={[{ value: "", label: t("centre.admin.activityForm.associationNone") }, ...associations.map((a) => ({ value: a.id, label: t(`centre.associations.${a.id}.name`) }))]}
          errors={fieldErrors.associationId}
          defaultValue={v("associationId")}
        />
        {text("titleZh")}
        {text("titleEn")}
        <TextAreaField id={fieldId(formId, "summaryZh")} name="summaryZh" label={t("centre.fields.summaryZh")} errors={fieldErrors.summaryZh} defaultValue={v("summaryZh")} rows={4} />
        <TextAreaField id={fieldId(formId, "summaryEn")} name="summaryEn" label={t("centre.fields.summaryEn")} errors={fieldErrors.summaryEn} defaultValue={v("summaryEn")} rows={4} />
        {text("placeZh")}
        {text("placeEn")}
        {dateTime("startsAt")}
        {text("durationMinutes", { inputMode: "numeric" })}
        {text("capacity", { inputMode: "numeric" })}
        {text("waitlistSize", { inputMode: "numeric" })}
        <CheckboxGroupField
          id={fieldId(formId, "accessibility")}
          name="accessibility"
          legend={t("centre.admin.activityForm.accessibilityLegend")}
          options={accessibilityFeatures.map((f) => ({ value: f, label: t(`centre.features.${f}`) }))}
          errors={fieldErrors.accessibility}
          checked={(values?.accessibility as string[] | undefined) ?? []}
        />
        {dateTime("signupOpensAt")}
        {dateTime("signupClosesAt")}
        <RadioGroupField
          id={fieldId(formId, "status")}
          name="status"
          legend={t("centre.admin.activityForm.statusLegend")}
          options={(["published", "draft", "cancelled"] as const).map((s) => ({ value: s, label: t(`centre.admin.activities.status.${s}`) }))}
          errors={fieldErrors.status}
          defaultValue={v("status") || "draft"}
        />
        <button type="submit" className="button">
          {t("centre.admin.activityForm.save")}
        </button>
      </Form>
    </div>
  );
}
