import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { BookingHoldNotice } from "~/components/cinema/HoldNotice";
import { cinemaLinks } from "~/components/cinema/styles";
import { TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { Honeypot } from "~/components/Honeypot";
import type { PageHandle } from "~/components/page-handle";
import { bookingStepRoute, holdNotice, holdTimes, liveHold } from "~/http/cinema-flow.server";
import { useT } from "~/i18n/use-t";
import { describeSeats } from "~/modules/cinema/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.contact.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.contact.title") }],
};

const formId = "contact";
const fieldOrder = ["name", "phone"] as const;

/**
 * The contact step: name and phone, under the seats held. Saved even when the hold ran out while the person typed
 * (the step's `dependsOn`), then back to the seats, told; the phone's hold cap is the step's `refuse`.
 */
const route = bookingStepRoute("contact", async (page) => {
  const { draft, screening, locale } = page;
  const hold = await liveHold(page);
  return {
    screening,
    name: draft.answers.name ?? "",
    phone: draft.answers.phone ?? "",
    seats: hold ? describeSeats(hold.seats, locale) : "",
    hold: hold ? holdNotice(hold) : null,
    ...holdTimes(page),
  };
});
export const loader = route.loader;
export const action = route.action;

export default function ContactStep() {
  const { t } = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, fieldOrder);
  const value = (name: string, saved: string) => (actionData?.lastResult ? state.value(name) : saved);

  return (
    <BookingStep screening={d.screening} back={d.back} step={d.count} errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary}>
      <h1>{t("cinema.contact.question")}</h1>
      {d.hold ? (
        <>
          <p>{t("cinema.contact.seats", { seats: d.seats })}</p>
          <BookingHoldNotice hold={d.hold} serverNow={d.serverNow} extended={d.extended} screeningId={d.screening.id} draftId={d.draftId} returnTo="contact" />
        </>
      ) : null}
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
