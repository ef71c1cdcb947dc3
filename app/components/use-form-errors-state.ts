import { useContext } from "react";
import { UNSAFE_DataRouterStateContext, UNSAFE_FetchersContext } from "react-router-dom";

/**
 * Whether the last form post on this page came back with errors. The root needs it for the
 * "错误：" title prefix, and Remix's `meta` never sees action data; the router state does.
 * Actions signal errors by returning an object with `hasErrors: true`, to a navigation or to a fetcher.
 */
export function useHasFormErrors(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  // Forms that post without navigating (fetchers, like the assistant's) count too; with fetcherPersist their
  // finished results live in this map (the root re-renders when the router state changes as they finish).
  const fetcherResults = useContext(UNSAFE_FetchersContext);
  const hasErrors = (value: unknown) => typeof value === "object" && value !== null && (value as { hasErrors?: unknown }).hasErrors === true;
  const fetcherData = [...(state?.fetchers?.values() ?? [])].map((f) => f.data).concat([...(fetcherResults?.values() ?? [])]);
  return Object.values(state?.actionData ?? {}).some(hasErrors) || fetcherData.some(hasErrors);
}
