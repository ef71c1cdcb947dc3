import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/use-t";

/**
 * After a client-side navigation to another page: focus moves to the new page's h1 and a polite live
 * region says which page opened, as a full page load would. The first render does nothing.
 */
export function RouteAnnouncer({ title }: { title: string }) {
  const { t } = useT();
  const { pathname, search } = useLocation();
  const page = pathname + search;
  const previous = useRef(page);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    setMessage(t("announce.pageLoaded", { title }));
  }, [page, title, t]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
