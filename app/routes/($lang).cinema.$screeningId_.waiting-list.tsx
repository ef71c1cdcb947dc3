import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { Honeypot } from "~/components/Honeypot";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { notFound } from "~/http/cinema-flow.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { ticketChoices } from "~/modules/cinema/cinema-constants";
import { CinemaError, getScreening, joinWaitingList, NotFound, waitingListSchema } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.waiting.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.waiting.title") }],
};

const formId = "waiting";
const fieldOrder = ["tickets", "name", "phone"] as const;

async function screeningOr404(id: string | undefined) {
  try {
    return await getScreening(getDb(), String(id ?? ""));
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return { screening: await screeningOr404(params.screeningId) };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const screening = await screeningOr404(params.screeningId);
  const submission = parseWithZod(await readFormData(request), { schema: waitingListSchema });
  if (submission.status !== "success") {
    const spam = Boolean(submission.error?.website);
    return data({ hasErrors: true, lastResult: spam ? submission.reply({ formErrors: ["spam"] }) : submission.reply() }, { status: 400 });
  }
  const limit = await hitRateLimit(getDb(), "booking", context.clientIp ?? "local");
  if (!limit.allowed) {
    return data({ hasErrors: true, lastResult: submission.reply({ formErrors: ["rateLimited"] }) }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  try {
    const { id } = await joinWaitingList(getDb(), {
      screeningId: screening.id,
      contact: { name: submission.value.name, phone: submission.value.phone },
      tickets: submission.value.tickets,
      locale,
    });
    return redirect(localePath(`/cinema/${screening.id}/waiting-list/joined?ref=${encodeURIComponent(id)}`, locale));
  } catch (error) {
    if (!(error instanceof CinemaError)) throw error;
    return data({ hasErrors: true, lastResult: submission.reply({ formErrors: [error.code] }), message: domainErrorMessage(getFixedT(locale), error) }, domainErrorInit(error));
  }
}

export default function WaitingList() {
  const { t, locale } = useT();
  const { screening } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, fieldOrder);
  const errors = actionData && "message" in actionData && actionData.message ? [{ text: String(actionData.message) }] : summary;
  const title = locale === "en" ? screening.title.en : `《${screening.title.zh}》`;

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("cinema.waiting.title")}</h1>
      {screening.ordinarySeatsAvailable === 0 ? (
        <p className="lead">{t("cinema.waiting.intro", { title, time: formatDateTime(screening.startsAt, locale) })}</p>
      ) : (
        <p className="lead">
          {t("cinema.waiting.seatsLeft", { title, time: formatDateTime(screening.startsAt, locale), n: screening.ordinarySeatsAvailable })}{" "}
          <LocalLink to={`/cinema/${screening.id}`}>{t("cinema.waiting.bookInstead")}</LocalLink>
        </p>
      )}
      <p>{t("cinema.waiting.how")}</p>
      <Form method="post" id={formId} noValidate>
        <RadioGroupField
          id={fieldId(formId, "tickets")}
          name="tickets"
          legend={t("cinema.people.question")}
          options={ticketChoices.map((n) => ({ value: String(n), label: t(`cinema.people.options.${n}`) }))}
          errors={fieldErrors.tickets}
          defaultValue={state.value("tickets")}
        />
        <TextField id={fieldId(formId, "name")} name="name" label={t("cinema.contact.nameLabel")} errors={fieldErrors.name} defaultValue={state.value("name")} autoComplete="name" />
        <TextField
          id={fieldId(formId, "phone")}
          name="phone"
          type="tel"
          label={t("cinema.contact.phoneLabel")}
          hint={t("cinema.waiting.phoneHint")}
          errors={fieldErrors.phone}
          defaultValue={state.value("phone")}
          autoComplete="tel"
          inputMode="tel"
        />
        <Honeypot label={t("cinema.contact.website")} />
        <button type="submit" className="button">
          {t("cinema.waiting.submit")}
        </button>
      </Form>
    </div>
  );
}
