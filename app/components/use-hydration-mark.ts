import { useEffect } from "react";

/**
 * Marks the document once React has hydrated the whole page: `<html data-hydrated>`. The root's effect runs after
 * every component's own, so from then on the enhanced widgets (React Aria's combobox, table, date fields) have
 * replaced their plain-HTML forms and handle what is typed. (`window.__remixRouter` is not that moment: the
 * router exists as soon as entry.client.tsx starts decoding the page's state, before hydration begins.) Browser
 * tests wait for it (tests/e2e/browser.ts `waitForHydration`); a style may use it too.
 */
export function useHydrationMark(): void {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
}
