import { createContext, createElement, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";

/**
 * Whether the page shows form errors, for the "错误：" / "Error: " title prefix (root.tsx), with public APIs only.
 *
 * Remix gives no public hook that reads another route's action data (`meta` never sees it, `useActionData` is
 * the calling route's own, `useMatches` carries loader data, and with fetcherPersist `useFetchers` lists only
 * fetchers still under way), and the title is rendered in <head>, before the page that knows. So the page tells:
 *
 * - In the browser, whatever shows errors reports them: ErrorSummary does whenever it has any, so a navigation
 *   and a fetcher (the assistant's form) count alike; a page that shows its errors another way calls
 *   `useReportFormErrors` itself. The root provides the store (`FormErrorsProvider`) and reads it.
 * - On the server, effects do not run and <head> is written first, so entry.server passes what the request's
 *   action answered (`hasFormErrors` over the action data of the public EntryContext; actions mark an error
 *   result `hasErrors: true`; so does the loader of a GET form, over the loader data) through `ServerFormErrors`.
 * - Hydration starts from what the server wrote (the server's title says it), so the head hydrates without a
 *   mismatch; the reports from the page's effects then take over (useSyncExternalStore's server snapshot).
 */
class FormErrorsStore {
  private shown = 0;
  private readonly listeners = new Set<() => void>();
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  hasErrors = () => this.shown > 0;
  /** One more thing on the page shows errors, until the returned function is called. */
  show = () => {
    this.shown += 1;
    this.emit();
    return () => {
      this.shown -= 1;
      this.emit();
    };
  };
  private emit() {
    for (const listener of this.listeners) listener();
  }
}

const StoreContext = createContext<FormErrorsStore | null>(null);
/** Only entry.server gives a value; in the browser there is none (null). */
const ServerContext = createContext<boolean | null>(null);

/** Given by entry.server: whether the action this request ran came back with errors. */
export function ServerFormErrors({ value, children }: { value: boolean; children: ReactNode }) {
  return createElement(ServerContext.Provider, { value }, children);
}

/** Whether any route's action (or loader) data, as in the server's EntryContext, is marked `hasErrors: true`. */
export function hasFormErrors(actionData: Record<string, unknown> | null | undefined): boolean {
  return Object.values(actionData ?? {}).some((value) => typeof value === "object" && value !== null && (value as { hasErrors?: unknown }).hasErrors === true);
}

/** Around the document (root.tsx), so the title and the page share one store. */
export function FormErrorsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new FormErrorsStore());
  return createElement(StoreContext.Provider, { value: store }, children);
}

const noStore = { subscribe: () => () => {}, hasErrors: () => false };

/** Whether the page shows form errors (see above). */
export function useHasFormErrors(): boolean {
  const store = useContext(StoreContext) ?? noStore;
  const onServer = useContext(ServerContext);
  const { t } = useT();
  const prefix = t("site.errorTitlePrefix");
  // The "server snapshot" is used on the server and while hydrating; in the browser it is the server's title.
  const serverSnapshot = () => onServer ?? (typeof document !== "undefined" && document.title.startsWith(prefix));
  return useSyncExternalStore(store.subscribe, store.hasErrors, serverSnapshot);
}

/** Called by whatever shows form errors (ErrorSummary; a page that shows them otherwise), while it shows them. */
export function useReportFormErrors(shown: boolean): void {
  const store = useContext(StoreContext);
  useEffect(() => (shown && store ? store.show() : undefined), [shown, store]);
}
