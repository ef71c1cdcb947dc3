import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

/**
 * Whether the last form post on this page came back with errors. The root needs it for the
 * "错误：" title prefix, and Remix's `meta` never sees action data; the router state does.
 * Actions signal errors by returning an object with `hasErrors: true`.
 */
export function useHasFormErrors(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const actionData = state?.actionData;
  if (!actionData) return false;
  return Object.values(actionData).some(
    (value) => typeof value === "object" && value !== null && (value as { hasErrors?: unknown }).hasErrors === true,
  );
}
