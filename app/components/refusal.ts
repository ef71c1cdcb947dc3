import { isRouteErrorResponse } from "@remix-run/react";

/**
 * A request the portal refused at its edge (docs/security.md), as the root ErrorBoundary receives it: a value the
 * database cannot store (400), a submission from another site (403), a body over the limit (413), or storage that
 * cannot serve just now (503). The page is
 * rendered by the root, like every error page; `root` is the root loader's data for this request, because a
 * refused submission never runs the loaders (the page keeps its language messages and display settings).
 */
export type Refusal =
  | { kind: "bad_input" }
  | { kind: "cross_site" }
  | { kind: "too_large"; limitKb: number }
  | { kind: "unavailable"; during: "save" | "read" };

export interface RefusalPayload {
  refusal: Refusal;
  root?: unknown;
}

function payloadOf(error: unknown): RefusalPayload | null {
  if (!isRouteErrorResponse(error)) return null;
  const data = error.data as Partial<RefusalPayload> | null;
  return data && typeof data === "object" && data.refusal && typeof data.refusal.kind === "string" ? (data as RefusalPayload) : null;
}

/** The refusal a route error carries, if it is one. */
export function refusalOf(error: unknown): Refusal | null {
  return payloadOf(error)?.refusal ?? null;
}

/** The root loader's data a refusal carries, when the root loader did not run. */
export function refusalRootData<T>(error: unknown): T | undefined {
  return payloadOf(error)?.root as T | undefined;
}
