import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/use-t";

/**
 * After a client-side navigation to another page: focus moves to the new page's h1 and a polite live
 * region says which page opened, as a full page load would. The first render does nothing. A navigation with
 * `state: { keepFocus: true }` (SortableTable's React Aria headers) is announced but leaves focus where it is.
 */
export function RouteAnnouncer({ title }: { title: string }) {
  const { t } = useT();
  const { pathname, search, state } = useLocation();
  // A navigation that only reorders what is on the page (a sortable table's header) keeps focus where it is.
  const keepFocus = typeof state === "object" && state !== null && (state as { keepFocus?: unknown }).keepFocus === true;
  const page = pathname + search;
  const previous = useRef(page);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading && !keepFocus) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    setMessage(t("announce.pageLoaded", { title }));
  }, [page, title, t, keepFocus]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
