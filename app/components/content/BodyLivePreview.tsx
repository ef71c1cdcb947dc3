import { useEffect, useState } from "react";
import { useHydrated } from "~/components/use-hydrated";
import { useLocale } from "~/components/use-locale";
import { useT } from "~/i18n/use-t";

/**
 * A live preview of the body textarea (an enhancement: it appears only once JavaScript runs; without it the
 * "save and preview" page shows the draft). It follows the typing after a pause, rendered by the server as the public
 * page renders it (a plain fetch to a resource route, not a Remix fetcher: no loader runs again at every pause).
 * Not a live region: it would read the whole body again at every pause; its heading says what it is.
 */
export function BodyLivePreview({ textareaId }: { textareaId: string }) {
  const { t } = useT();
  const { href } = useLocale();
  const hydrated = useHydrated();
  const [html, setHtml] = useState("");
  // A string (useLocale's href is a new function at every render: as a dependency it would fetch at every render).
  const endpoint = href("/admin/content/body-preview");
  useEffect(() => {
    const area = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!area || !hydrated) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: AbortController | undefined;
    const send = () => {
      pending?.abort();
      const controller = (pending = new AbortController());
      fetch(endpoint, { method: "POST", body: new URLSearchParams({ body: area.value }), signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ html: string | null }>) : null))
        .then((reply) => {
          if (reply?.html != null && !controller.signal.aborted) setHtml(reply.html);
        })
        // Aborted by newer typing or by leaving the page, or offline: the preview just stays as it was.
        .catch(() => undefined);
    };
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(send, 400);
    };
    send();
    area.addEventListener("input", onInput);
    return () => {
      clearTimeout(timer);
      pending?.abort();
      area.removeEventListener("input", onInput);
    };
  }, [textareaId, hydrated, endpoint]);
  if (!hydrated) return null;
  return (
    <section aria-labelledby={`${textareaId}-live-heading`} className="draft__live-preview">
      <h2 id={`${textareaId}-live-heading`}>{t("admin.editor.livePreview")}</h2>
      <div className="policy__body" lang="zh-CN" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
