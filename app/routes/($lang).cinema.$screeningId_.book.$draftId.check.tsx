import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { HoldNotice } from "~/components/cinema/HoldNotice";
import { bookingPath, stepPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { loadFlow, missingStep } from "~/http/cinema-flow.server";
import { localePath } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { holdWarningSeconds } from "~/modules/cinema/cinema-constants";
import { CinemaError, confirmDraft, describeSeats, HoldExpired, maxHoldExtensions } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { keyUnder } from "~/i18n/keys";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.check.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.check.title") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const now = new Date();
  const flow = await loadFlow(params, now);
  const missing = missingStep(flow, "check");
  if (missing) throw missing;
  const hold = flow.hold!;
  return {
    screening: flow.screening,
    draftId: flow.draft.id,
    tickets: flow.draft.tickets ?? 1,
    needs: flow.draft.needs ?? [],
    seats: describeSeats(hold.seats, flow.locale),
    name: flow.draft.name ?? "",
    // The person's own answer, shown in full so they can check it; it is masked on every page after booking.
    phone: flow.draft.phone ?? "",
    hold: { expiresAt: hold.expiresAt, canExtend: hold.canExtend, extensionsLeft: maxHoldExtensions - hold.extendedCount },
    serverNow: now.toISOString(),
    extended: new URL(request.url).searchParams.get("extended") === "1",
  };
}

export async function action({ params, context }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  const missing = missingStep(flow, "check");
  if (missing) return missing;
  const limit = await hitRateLimit(getDb(), "booking", context.clientIp ?? "local");
  if (!limit.allowed) {
    return data(
      { hasErrors: true, message: getFixedT(flow.locale)("errors.rateLimited") },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  try {
    // One transaction claims the draft and books its hold: a double submit gets the same booking.
    const booking = await confirmDraft(getDb(), { screeningId: flow.screening.id, draftId: flow.draft.id, locale: flow.locale });
    return redirect(localePath(bookingPath(booking.reference, booking.accessToken, "confirmation"), flow.locale));
  } catch (error) {
    if (error instanceof HoldExpired) return redirect(flow.path("seats", "?expired=1"));
    if (error instanceof CinemaError) {
      return data({ hasErrors: true, message: domainErrorMessage(getFixedT(flow.locale), error) }, domainErrorInit(error));
    }
    throw error;
  }
}

export default function CheckAnswers() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const step = (s: "people" | "needs" | "seats" | "contact") => stepPath(d.screening.id, d.draftId, s, "?return=check");
  const title = locale === "en" ? d.screening.title.en : `《${d.screening.title.zh}》`;
  const rows: { key: string; label: string; value: string; change?: string; changeWhat?: string }[] = [
    { key: "film", label: t("cinema.check.film"), value: `${title} ${formatDateTime(d.screening.startsAt, locale)}` },
    { key: "people", label: t("cinema.check.people"), value: t(keyUnder("cinema.people.options", d.tickets)), change: step("people") },
    {
      key: "needs",
      label: t("cinema.check.needs"),
      value: d.needs.length ? d.needs.map((n) => t(`cinema.needs.options.${n}`)).join(t("cinema.listSeparator")) : t("cinema.check.noNeeds"),
      change: step("needs"),
    },
    { key: "seats", label: t("cinema.check.seats"), value: d.seats, change: step("seats") },
    { key: "name", label: t("cinema.check.name"), value: d.name, change: step("contact") },
    { key: "phone", label: t("cinema.check.phone"), value: d.phone, change: step("contact") },
  ];

  return (
    <BookingStep screening={d.screening} back={stepPath(d.screening.id, d.draftId, "contact")} step={{ n: 5, of: 5 }} errors={actionData?.message ? [{ text: actionData.message }] : []}>
      <h1>{t("cinema.check.title")}</h1>
      <dl className="summary-list">
        {rows.map((row) => (
          <div key={row.key} className="summary-list__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd>
              {row.change ? (
                <LocalLink to={row.change}>
                  {t("cinema.check.change")}
                  <span className="visually-hidden">{t("cinema.check.changeWhat", { what: row.label })}</span>
                </LocalLink>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <HoldNotice
        expiresAt={d.hold.expiresAt}
        serverNow={d.serverNow}
        canExtend={d.hold.canExtend}
        extensionsLeft={d.hold.extensionsLeft}
        extendAction={href(stepPath(d.screening.id, d.draftId, "hold"))}
        returnTo="check"
        warningSeconds={holdWarningSeconds}
        extended={d.extended}
      />
      <h2>{t("cinema.check.confirmTitle")}</h2>
      <p>{t("cinema.check.confirmText")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("cinema.check.confirm")}
        </button>
      </Form>
    </BookingStep>
  );
}
