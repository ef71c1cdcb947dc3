import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ScreeningForm, screeningFieldOrder, screeningFormId, type ScreeningFormValues } from "~/components/cinema/ScreeningForm";
import { cinemaLinks } from "~/components/cinema/styles";
import { formState } from "~/components/form-state";
import { useLocale } from "~/components/use-locale";
import { fieldErrorsOf, screeningInput } from "~/http/cinema-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { createScreening, InvalidInput, listHalls, screeningFormSchema } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const links = cinemaLinks;
export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t }) => t("cinema.admin.new"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("cinema.admin.title"), to: "/admin/cinema" },
    { label: t("cinema.admin.new") },
  ],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "cinema");
  return { halls: await listHalls(getDb()) };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "cinema");
  const submission = parseWithZod(await readFormData(request), { schema: screeningFormSchema({ requireHall: true }) });
  if (submission.status !== "success") return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  try {
    const screening = await createScreening(getDb(), actorOf(session), screeningInput(submission.value));
    return redirect(localePath(`/admin/cinema/${screening.id}?created=1`, locale));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return data({ hasErrors: true, lastResult: submission.reply({ fieldErrors: fieldErrorsOf(error.fields) }) }, { status: 400 });
  }
}

export default function NewScreening() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { halls } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, screeningFormId, screeningFieldOrder);
  const posted = Boolean(actionData);
  const values = Object.fromEntries(
    [...screeningFieldOrder, "captions", "signLanguage"].map((name) => [name, state.value(name)]),
  ) as ScreeningFormValues;
  if (!posted) {
    values.hallId = halls[0]?.id ?? "";
    values.audioDescription = "1";
    values.captions = "1";
    values.durationMinutes = "100";
  }
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <h1>{t("cinema.admin.new")}</h1>
      <p>{t("cinema.admin.formIntro")}</p>
      <ScreeningForm
        action={href("/admin/cinema/new")}
        values={values}
        fieldErrors={fieldErrors}
        halls={halls.map((h) => ({ id: h.id, name: locale === "en" ? h.name.en : h.name.zh }))}
        submitLabel={t("cinema.admin.create")}
      />
    </div>
  );
}
