import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { chinaLocalInput } from "~/components/cinema/admin-format";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ScreeningForm, screeningFieldOrder, screeningFormId, type ScreeningFormValues } from "~/components/cinema/ScreeningForm";
import { StaffScreeningSummary, staffTitle } from "~/components/cinema/StaffScreeningSummary";
import { cinemaLinks } from "~/components/cinema/styles";
import { formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { fieldErrorsOf, loadStaffScreening, screeningInput, staffScreeningData } from "~/http/cinema-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { InvalidInput, screeningFormSchema, updateScreening } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { actorOf, requireStaff } from "~/modules/staff/index.server";

export const links = cinemaLinks;

type Data = { screening?: { id: string; title: { zh: string; en: string } } } | undefined;
export const handle: AdminHandle = {
  staffRole: "cinema",
  title: ({ t, data, locale }) => t("cinema.admin.editTitle", { title: (data as Data)?.screening ? staffTitle((data as Data)!.screening!, locale) : "" }),
  crumbs: ({ t, data, locale }) => {
    const s = (data as Data)?.screening;
    return [
      { label: t("admin.dashboard"), to: "/admin" },
      { label: t("cinema.admin.title"), to: "/admin/cinema" },
      ...(s ? [{ label: staffTitle(s, locale), to: `/admin/cinema/${s.id}` }] : []),
      { label: t("cinema.admin.editScreening") },
    ];
  },
};

/** A cancelled or past screening is history: it is not edited. */
const editable = (s: { status: string; booking: string }) => s.status !== "cancelled" && s.booking !== "past";

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  return { screening: staffScreeningData(screening) };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "cinema");
  const screening = await loadStaffScreening(params);
  const submission = parseWithZod(await readFormData(request), { schema: screeningFormSchema({ requireHall: false }) });
  if (!editable(screening)) return data({ hasErrors: true, lastResult: submission.reply({ formErrors: ["notEditable"] }) }, { status: 409 });
  if (submission.status !== "success") return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  try {
    await updateScreening(getDb(), actorOf(session), screening.id, screeningInput(submission.value));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return data({ hasErrors: true, lastResult: submission.reply({ fieldErrors: fieldErrorsOf(error.fields) }) }, { status: 400 });
  }
  return redirect(localePath(`/admin/cinema/${screening.id}?saved=1`, locale));
}

export default function EditScreening() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { screening: s } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, screeningFormId, screeningFieldOrder);
  const saved: ScreeningFormValues = {
    hallId: "",
    titleZh: s.title.zh,
    titleEn: s.title.en,
    synopsisZh: s.synopsis.zh,
    synopsisEn: s.synopsis.en,
    durationMinutes: String(s.durationMinutes),
    audioDescription: s.audioDescription ? "1" : "",
    captions: s.captions ? "1" : "",
    signLanguage: s.signLanguage ? "1" : "",
    startsAt: chinaLocalInput(s.startsAt),
    bookingOpensAt: chinaLocalInput(s.bookingOpensAt),
    bookingClosesAt: chinaLocalInput(s.bookingClosesAt),
  };
  const values = actionData
    ? (Object.fromEntries(Object.keys(saved).map((name) => [name, state.value(name)])) as ScreeningFormValues)
    : saved;
  const title = staffTitle(s, locale);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
      <h1>{t("cinema.admin.editTitle", { title })}</h1>
      <StaffScreeningSummary screening={s} />
      {editable(s) ? (
        <ScreeningForm
          action={href(`/admin/cinema/${s.id}/edit`)}
          values={values}
          fieldErrors={fieldErrors}
            submitLabel={t("cinema.admin.save")}
        />
      ) : (
        <p className="notice">{t("cinema.admin.errors.notEditable")}</p>
      )}
      <p>
        <LocalLink to={`/admin/cinema/${s.id}`}>{t("cinema.admin.backToBookings")}</LocalLink>
      </p>
    </div>
  );
}
