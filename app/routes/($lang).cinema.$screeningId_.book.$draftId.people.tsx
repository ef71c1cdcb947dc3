import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep, StepContinue } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { cinemaLinks } from "~/components/cinema/styles";
import { RadioGroupField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { bookingStepRoute } from "~/http/cinema-flow.server";
import { useT } from "~/i18n/use-t";
import { ticketChoices } from "~/modules/cinema/cinema-constants";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.people.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.people.title") }],
};

const formId = "people";

const route = bookingStepRoute("people", ({ draft, screening }) => ({ screening, tickets: draft.answers.tickets ?? null }));
export const loader = route.loader;
export const action = route.action;

export default function PeopleStep() {
  const { t } = useT();
  const { screening, tickets, returnTo, back, count } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, ["tickets"]);
  const value = state.value("tickets") || (tickets ? String(tickets) : "");

  return (
    <BookingStep screening={screening} back={back} step={count} errors={summary}>
      <Form method="post" id={formId} noValidate>
        <RadioGroupField
          id={fieldId(formId, "tickets")}
          name="tickets"
          legend={<h1 className="legend-heading">{t("cinema.people.question")}</h1>}
          hint={t("cinema.people.hint")}
          options={ticketChoices.map((n) => ({ value: String(n), label: t(`cinema.people.options.${n}`) }))}
          errors={fieldErrors.tickets}
          defaultValue={value}
        />
        <StepContinue returnTo={returnTo} />
      </Form>
    </BookingStep>
  );
}
