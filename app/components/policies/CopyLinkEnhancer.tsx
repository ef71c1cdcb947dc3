import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/**
 * Wraps the document body. Without JavaScript each "copy link" is a plain link to its section (the address
 * bar then holds the link). With JavaScript a click copies the full address and a status message says so.
 */
export function CopyLinkEnhancer({ children }: { children: ReactNode }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-copy-link]");
      if (!link || !navigator.clipboard) return;
      event.preventDefault();
      const url = `${window.location.origin}${window.location.pathname}${link.getAttribute("href")}`;
      void navigator.clipboard.writeText(url).then(
        () => setMessage(t("policies.copied", { section: link.dataset.section ?? "" })),
        () => {
          window.location.hash = link.getAttribute("href") ?? "";
        },
      );
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [t]);

  return (
    <div ref={ref}>
      {children}
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </div>
  );
}
