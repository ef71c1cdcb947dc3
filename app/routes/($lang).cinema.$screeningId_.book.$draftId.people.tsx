import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { cinemaLinks } from "~/components/cinema/styles";
import { RadioGroupField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { loadFlow } from "~/http/cinema-flow.server";
import { readFormData } from "~/http/form-data.server";
import { useT } from "~/i18n/use-t";
import { peopleSchema, releaseHold, saveDraft } from "~/modules/cinema/index.server";
import { ticketChoices } from "~/modules/cinema/cinema-constants";
import { getDb } from "~/modules/db/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.people.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.people.title") }],
};

const formId = "people";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const flow = await loadFlow(params);
  return {
    screening: flow.screening,
    tickets: flow.draft.tickets,
    returnTo: new URL(request.url).searchParams.get("return") === "check" ? "check" : "",
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: peopleSchema });
  if (submission.status !== "success") {
    return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  }
  const { tickets } = submission.value;
  const changed = tickets !== flow.draft.tickets;
  // A different party size needs different seats: give the held ones back and ask again.
  if (changed && flow.draft.holdId) await releaseHold(getDb(), flow.draft.holdId);
  await saveDraft(getDb(), flow.draft.id, { tickets, ...(changed ? { holdId: null } : {}) });
  const toCheck = form.get("returnTo") === "check" && !changed && flow.draft.needs !== null && flow.hold;
  return redirect(toCheck ? flow.path("check") : flow.path("needs", form.get("returnTo") === "check" ? "?return=check" : ""));
}

export default function PeopleStep() {
  const { t } = useT();
  const { screening, tickets, returnTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, ["tickets"]);
  const value = state.value("tickets") || (tickets ? String(tickets) : "");

  return (
    <BookingStep screening={screening} back={`/cinema/${screening.id}`} step={{ n: 1, of: 5 }} errors={summary}>
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
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <button type="submit" className="button">
          {t("cinema.flow.continue")}
        </button>
      </Form>
    </BookingStep>
  );
}
