import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { cinemaErrors } from "~/components/cinema/cinema-errors";
import { bookingPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { ReferenceLookupFields } from "~/components/ReferenceLookupFields";
import { fieldId, formState } from "~/components/form-state";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { findBooking, lookupSchema, NotFound } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

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

/** Reference + phone → the booking's own page. A wrong phone gets the same answer as an unknown reference. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const submission = parseWithZod(await readFormData(request), { schema: lookupSchema });
  if (submission.status !== "success") {
    return data({ hasErrors: true, lastResult: submission.reply() }, { status: 400 });
  }
  // Guessing phone numbers is slowed down like any other post.
  const limit = await hitRateLimit(getDb(), "booking-lookup", context.clientIp ?? "local");
  if (!limit.allowed) {
    return data(
      { hasErrors: true, lastResult: submission.reply({ formErrors: ["rateLimited"] }) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  try {
    const booking = await findBooking(getDb(), submission.value);
    return redirect(localePath(bookingPath(booking.reference, booking.accessToken), locale));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    return data({ hasErrors: true, lastResult: submission.reply({ formErrors: ["bookingNotFound"] }) }, { status: 404 });
  }
}

export default function LookupBooking() {
  const { t } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const { fieldErrors, summary } = cinemaErrors(t, state, formId, fieldOrder);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={summary} />
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
      <p>{t("cinema.flow.callUs", { phone: t("footer.phone") })}</p>
    </div>
  );
}
