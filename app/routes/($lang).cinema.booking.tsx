import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { bookingPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ReferenceLookupFields } from "~/components/ReferenceLookupFields";
import { formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { referenceLookup } from "~/http/lookup.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { findBooking, NotFound } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { federationPhone } from "~/modules/site/contact-details";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.lookup.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.lookup.title") }],
};

const formId = "lookup";
const fieldOrder = ["reference", "phone"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/**
 * Reference + phone → the booking's own page. A wrong phone gets the same answer as an unknown reference; both go
 * through the lookup guard (throttled, locked after five wrong phones: docs/security.md).
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const outcome = await referenceLookup({ request, context, locale }, { kind: "booking", notFound: NotFound, notFoundCode: "bookingNotFound", find: (key) => findBooking(getDb(), key) });
  if (outcome.refused) return outcome.refused;
  return redirect(localePath(bookingPath(outcome.found.reference, outcome.found.accessToken), locale));
}

export default function LookupBooking() {
  const { t } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, fieldOrder);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      <h1>{t("cinema.lookup.title")}</h1>
      <p className="lead">{t("cinema.lookup.intro")}</p>
      <Form method="post" action={href("/cinema/booking")} id={formId} noValidate>
        <ReferenceLookupFields
          formId={formId}
          state={state}
          errors={fieldErrors}
          referenceLabel={t("cinema.lookup.referenceLabel")}
          referenceHint={t("cinema.lookup.referenceHint")}
          phoneLabel={t("cinema.lookup.phoneLabel")}
          phoneHint={t("cinema.lookup.phoneHint")}
        />
        <button type="submit" className="button">
          {t("cinema.lookup.submit")}
        </button>
      </Form>
      <p>{t("cinema.flow.callUs", { phone: federationPhone })}</p>
    </div>
  );
}
