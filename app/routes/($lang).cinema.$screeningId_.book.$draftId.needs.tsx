import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep, StepContinue } from "~/components/cinema/BookingStep";
import { CheckboxGroupField } from "~/components/Fields";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { cinemaLinks } from "~/components/cinema/styles";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { bookingStepRoute } from "~/http/cinema-flow.server";
import { useT } from "~/i18n/use-t";
import { cinemaNeeds } from "~/modules/cinema/cinema-constants";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.needs.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.needs.title") }],
};

const formId = "needs";

const route = bookingStepRoute("needs", ({ draft, screening }) => ({
  screening,
  needs: draft.answers.needs ?? [],
  tickets: draft.answers.tickets ?? 1,
}));
export const loader = route.loader;
export const action = route.action;

export default function NeedsStep() {
  const { t } = useT();
  const { screening, needs, tickets, returnTo, back, count } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, ["needs"]);

  return (
    <BookingStep screening={screening} back={back} step={count} errors={summary}>
      <Form method="post" id={formId} noValidate>
        <CheckboxGroupField
          id={fieldId(formId, "needs")}
          name="needs"
          legend={<h1 className="legend-heading">{t("cinema.needs.question", { n: tickets })}</h1>}
          hint={t("cinema.needs.hint")}
          options={cinemaNeeds.map((n) => ({ value: n, label: t(`cinema.needs.options.${n}`), hint: t(`cinema.needs.hints.${n}`) }))}
          errors={fieldErrors.needs}
          checked={needs}
        />
        <StepContinue returnTo={returnTo} />
      </Form>
    </BookingStep>
  );
}
