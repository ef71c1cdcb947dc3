import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { HoldNotice } from "~/components/cinema/HoldNotice";
import { stepPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { Honeypot } from "~/components/Honeypot";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { loadFlow, missingStep } from "~/http/cinema-flow.server";
import { readFormData } from "~/http/form-data.server";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { holdWarningSeconds } from "~/modules/cinema/cinema-constants";
import { assertHoldWithinLimits, contactSchema, describeSeats, HoldLimit, maxHoldExtensions, saveDraft } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.contact.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.contact.title") }],
};

const formId = "contact";
const fieldOrder = ["name", "phone"] as const;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const now = new Date();
  const flow = await loadFlow(params, now);
  const missing = missingStep(flow, "contact");
  if (missing) throw missing;
  const hold = flow.hold!;
  return {
    screening: flow.screening,
    draftId: flow.draft.id,
    name: flow.draft.name ?? "",
    phone: flow.draft.phone ?? "",
    seats: describeSeats(hold.seats, flow.locale),
    hold: { expiresAt: hold.expiresAt, canExtend: hold.canExtend, extensionsLeft: maxHoldExtensions - hold.extendedCount },
    serverNow: now.toISOString(),
    extended: new URL(request.url).searchParams.get("extended") === "1",
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  if (flow.draft.tickets === null || flow.draft.needs === null) return missingStep(flow, "contact");
  const submission = parseWithZod(await readFormData(request), { schema: contactSchema });
  if (submission.status !== "success") {
    if (!flow.hold) return missingStep(flow, "contact");
    const spam = Boolean(submission.error?.website);
    return data({ hasErrors: true, lastResult: spam ? submission.reply({ formErrors: ["spam"] }) : submission.reply() }, { status: 400 });
  }
  // The phone is known now: it may not hold more seats of this screening than its cap, across drafts.
  if (flow.hold) {
    const { screening, hold } = flow;
    const refused = await assertHoldWithinLimits(getDb(), { screeningId: screening.id, phone: submission.value.phone, exceptHoldId: hold.id, tickets: hold.tickets, now: new Date() }).catch((error: unknown) => {
      if (error instanceof HoldLimit) return error;
      throw error;
    });
    if (refused) return data({ hasErrors: true, lastResult: submission.reply(), message: domainErrorMessage(getFixedT(flow.locale), refused) }, domainErrorInit(refused));
  }
  // Saved even when the hold ran out meanwhile: the person chooses seats again and loses nothing they typed.
  await saveDraft(getDb(), flow.draft.id, { name: submission.value.name, phone: submission.value.phone });
  return redirect(flow.hold ? flow.path("check") : flow.path("seats", "?expired=1"));
}

export default function ContactStep() {
  const { t } = useT();
  const { href } = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, fieldOrder);
  const value = (name: string, saved: string) => (actionData ? state.value(name) : saved);

  return (
    <BookingStep screening={d.screening} back={stepPath(d.screening.id, d.draftId, "seats")} step={{ n: 4, of: 5 }} errors={actionData && "message" in actionData ? [{ text: actionData.message }, ...summary] : summary}>
      <h1>{t("cinema.contact.question")}</h1>
      <p>{t("cinema.contact.seats", { seats: d.seats })}</p>
      <HoldNotice
        expiresAt={d.hold.expiresAt}
        serverNow={d.serverNow}
        canExtend={d.hold.canExtend}
        extensionsLeft={d.hold.extensionsLeft}
        extendAction={href(stepPath(d.screening.id, d.draftId, "hold"))}
        returnTo="contact"
        warningSeconds={holdWarningSeconds}
        extended={d.extended}
      />
      <Form method="post" id={formId} noValidate>
        <TextField
          id={fieldId(formId, "name")}
          name="name"
          label={t("cinema.contact.nameLabel")}
          hint={t("cinema.contact.nameHint")}
          errors={fieldErrors.name}
          defaultValue={value("name", d.name)}
          autoComplete="name"
        />
        <TextField
          id={fieldId(formId, "phone")}
          name="phone"
          type="tel"
          label={t("cinema.contact.phoneLabel")}
          hint={t("cinema.contact.phoneHint")}
          errors={fieldErrors.phone}
          defaultValue={value("phone", d.phone)}
          autoComplete="tel"
          inputMode="tel"
        />
        <Honeypot label={t("cinema.contact.website")} />
        <button type="submit" className="button">
          {t("cinema.flow.continue")}
        </button>
      </Form>
    </BookingStep>
  );
}
