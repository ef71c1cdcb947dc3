import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStep } from "~/components/cinema/BookingStep";
import { BookingHoldNotice } from "~/components/cinema/HoldNotice";
import { stepPath } from "~/components/cinema/paths";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { bookingStepRoute, holdNotice, holdTimes, liveHold } from "~/http/cinema-flow.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { cinemaNeeds, describeSeats } from "~/modules/cinema/index.server";
import { keyUnder } from "~/i18n/keys";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.check.title"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.check.title") }],
};

/**
 * Check your answers, and "confirm": the flow's submit (confirmDraft) claims the draft and books its hold in one
 * transaction, then the booking's confirmation; a hold that ran out at the click goes back to the seats, told.
 */
const route = bookingStepRoute("check", async (page) => {
  const { draft, screening, locale } = page;
  const hold = await liveHold(page);
  return {
    screening,
    tickets: draft.answers.tickets ?? 1,
    needs: cinemaNeeds.filter((n) => draft.answers.needs?.includes(n)),
    seats: hold ? describeSeats(hold.seats, locale) : "",
    name: draft.answers.name ?? "",
    // The person's own answer, shown in full so they can check it; it is masked on every page after booking.
    phone: draft.answers.phone ?? "",
    hold: hold ? holdNotice(hold) : null,
    ...holdTimes(page),
  };
});
export const loader = route.loader;
export const action = route.action;

export default function CheckAnswers() {
  const { t, locale } = useT();
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
    <BookingStep screening={d.screening} back={d.back} step={d.count} errors={actionData?.message ? [{ text: actionData.message }] : []}>
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
      {d.hold ? <BookingHoldNotice hold={d.hold} serverNow={d.serverNow} extended={d.extended} screeningId={d.screening.id} draftId={d.draftId} returnTo="check" /> : null}
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
