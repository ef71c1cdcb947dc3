import { useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A native disclosure (<details>) that is a menu where room is short and an open bar where there is room: app.css
 * hides the summary and shows the content when the enclosing container (the header, the staff bar) is at least
 * 50rem wide, so with 200% text it needs twice the width. Enter or Space opens it without JavaScript. Keyed by the
 * path, so after a client-side navigation it is closed again, as after a full page load.
 */
export function CompactMenu({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <details className={className ? `compact-menu ${className}` : "compact-menu"} key={pathname}>
      <summary className="compact-menu__toggle">{label}</summary>
      <div className="compact-menu__content">{children}</div>
    </details>
  );
}
