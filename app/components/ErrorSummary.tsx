import { useEffect, useRef } from "react";
import { useT } from "~/i18n/use-t";

export interface SummaryError {
  /** The id of the control to jump to; form-level messages have none. */
  id?: string;
  text: string;
}

/**
 * GOV.UK-style error summary: at the top of the form, takes focus when it appears (also without
 * JavaScript, through `autofocus`), and links each message to its field.
 */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.id + e.text).join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} autoFocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("errors.summaryHeading")}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.id ?? "form"}-${error.text}`}>{error.id ? <a href={`#${error.id}`}>{error.text}</a> : error.text}</li>
        ))}
      </ul>
    </div>
  );
}
