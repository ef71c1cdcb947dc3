import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and during hydration, true once React runs in the browser. Widgets that need JavaScript
 * (React Aria's table, date fields, dialogs) render their plain-HTML form until then, so the server's page and the
 * first client render agree and the page works without JavaScript.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
