import type { ReactNode } from "react";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { ErrorSummary, type SummaryError } from "../ErrorSummary";
import { LocalLink } from "../LocalLink";

export interface StepScreening {
  id: string;
  title: { zh: string; en: string };
  startsAt: string;
}

/**
 * The frame of each booking step: the error summary first (the one placement on every page: first in <main>,
 * before the h1), a back link, which screening this is for, then the one question.
 */
export function BookingStep({
  screening,
  back,
  step,
  errors = [],
  children,
}: {
  screening: StepScreening;
  /** Locale-neutral path of the previous step. */
  back?: string;
  /** "Step 2 of 5" */
  step?: { n: number; of: number };
  /** What was wrong with the last answer sent, if anything. */
  errors?: SummaryError[];
  children: ReactNode;
}) {
  const { t, locale } = useT();
  return (
    <div className="page page--narrow booking-step">
      <ErrorSummary errors={errors} />
      {back ? (
        <p>
          <LocalLink to={back} className="back-link">
            {t("cinema.flow.back")}
          </LocalLink>
        </p>
      ) : null}
      <p className="booking-step__caption">
        {step ? <span className="booking-step__count">{t("cinema.flow.stepOf", { n: step.n, of: step.of })}</span> : null}
        <span>
          {t("cinema.flow.for", { title: locale === "en" ? screening.title.en : screening.title.zh, time: formatDateTime(screening.startsAt, locale) })}
        </span>
      </p>
      {children}
    </div>
  );
}

/** The end of a one-question booking form: the change link's "back to check" carried, and Continue. */
export function StepContinue({ returnTo }: { returnTo: string }) {
  const { t } = useT();
  return (
    <>
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <button type="submit" className="button">
        {t("cinema.flow.continue")}
      </button>
    </>
  );
}

export const screeningTitle = (screening: { title: { zh: string; en: string } }, locale: string) =>
  locale === "en" ? screening.title.en : screening.title.zh;
