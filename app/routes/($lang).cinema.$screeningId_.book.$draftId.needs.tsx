import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { CheckboxGroupField } from "~/components/Fields";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { cinemaLinks } from "~/components/cinema/styles";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { loadFlow, missingStep } from "~/http/cinema-flow.server";
import { readFormData } from "~/http/form-data.server";
import { useT } from "~/i18n/use-t";
import { needsSchema, releaseHold, saveDraft } from "~/modules/cinema/index.server";
import { cinemaNeeds } from "~/modules/cinema/cinema-constants";
import { getDb } from "~/modules/db/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.needs.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.needs.title") }],
};

const formId = "needs";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const flow = await loadFlow(params);
  const missing = missingStep(flow, "needs");
  if (missing) throw missing;
  return {
    screening: flow.screening,
    draftId: flow.draft.id,
    needs: flow.draft.needs ?? [],
    tickets: flow.draft.tickets ?? 1,
    returnTo: new URL(request.url).searchParams.get("return") === "check" ? "check" : "",
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  const missing = missingStep(flow, "needs");
  if (missing) return missing;
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: needsSchema });
  if (submission.status !== "success") {
    return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  }
  const needs = submission.value.needs;
  const before = flow.draft.needs ?? [];
  // Seats depend on the wheelchair and low-vision answers: if those change, choose seats again.
  const seatsChange = (["wheelchair", "lowVision"] as const).some((n) => before.includes(n) !== needs.includes(n));
  if (seatsChange && flow.draft.holdId) await releaseHold(getDb(), flow.draft.holdId);
  await saveDraft(getDb(), flow.draft.id, { needs, ...(seatsChange ? { holdId: null } : {}) });
  const toCheck = form.get("returnTo") === "check" && !seatsChange && flow.hold && flow.draft.name;
  return redirect(toCheck ? flow.path("check") : flow.path("seats", form.get("returnTo") === "check" ? "?return=check" : ""));
}

export default function NeedsStep() {
  const { t } = useT();
  const { screening, draftId, needs, tickets, returnTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, ["needs"]);

  return (
    <BookingStep screening={screening} back={`/cinema/${screening.id}/book/${draftId}/people`} step={{ n: 2, of: 5 }} errors={summary}>
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
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <button type="submit" className="button">
          {t("cinema.flow.continue")}
        </button>
      </Form>
    </BookingStep>
  );
}
