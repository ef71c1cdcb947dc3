import { useEffect, useRef, type MouseEvent } from "react";
import { useFetchers, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { useReportFormErrors } from "./use-form-errors-state";

export interface SummaryError {
  /** The id of the control to jump to; form-level messages have none. */
  id?: string;
  text: string;
}

/** Whether a form on the page is being sent (a navigation or a fetcher), and whether the router is busy at all. */
function useSending(): { submitting: boolean; busy: boolean } {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  return {
    submitting: navigation.state === "submitting" || fetchers.some((f) => f.state === "submitting"),
    busy: navigation.state !== "idle" || fetchers.some((f) => f.state !== "idle"),
  };
}

/**
 * GOV.UK-style error summary: the first thing in <main> on every page, before the h1 (after the staff bar on
 * staff pages), while the title starts "错误：" (root.tsx); takes focus when it appears (also without
 * JavaScript, through `autofocus`), and links each message to its field.
 *
 * With JavaScript it takes focus again after every send that comes back with errors, the same errors
 * included (a second wrong password is announced like the first), and is scrolled into view: focus alone
 * does not scroll once Remix has restored the page's scroll position, and a sighted keyboard or magnifier
 * user must see where focus went (WCAG 2.4.3, 2.4.7, 3.3.1, 4.1.3).
 */
/**
 * With JavaScript a link of the summary moves focus to its field itself, as GOV.UK's error summary does, and
 * brings the field into view with its label at once (the browser's own jump to `#id` puts the control, not its
 * label, at the top). A React Aria combobox closes its list when the page scrolls: when the jump was still
 * scrolling, what a person typed in the first half second opened the list, the scroll closed it, and the text was gone.
 * Without JavaScript the link is an ordinary jump to the field.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  // (A group's id: its first control.)
  const control = field.matches("input, select, textarea, button, [tabindex]") ? field : (field.querySelector<HTMLElement>("input, select, textarea, button") ?? field);
  control.focus({ preventScroll: true });
  (control.closest(".field, fieldset") ?? control).scrollIntoView({ block: "start", behavior: "instant" });
}

export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.id + e.text).join("|");
  const { submitting, busy } = useSending();
  // The title says "错误：" while a summary shows errors, from a navigation or a fetcher alike (root.tsx).
  useReportFormErrors(errors.length > 0);
  // Set during the render that sees a send under way; the effect after the send clears it.
  const sent = useRef(false);
  if (submitting) sent.current = true;

  useEffect(() => {
    // After the router is idle: Remix restores or resets the scroll position as a navigation ends.
    if (busy || !signature) return;
    const summary = ref.current;
    if (!summary) return;
    if (sent.current || document.activeElement !== summary) {
      sent.current = false;
      summary.focus({ preventScroll: true });
      summary.scrollIntoView({ block: "start" });
    }
  }, [signature, busy]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="group" tabIndex={-1} autoFocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("errors.summaryHeading")}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.id ?? "form"}-${error.text}`}>
            {error.id ? (
              <a href={`#${error.id}`} onClick={(event) => focusField(event, error.id!)}>
                {error.text}
              </a>
            ) : (
              error.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
