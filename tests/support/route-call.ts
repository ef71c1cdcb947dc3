import { openApiDocument } from "~/modules/api/openapi.server";
import { createOpenApiCheck, type OpenApiCheck } from "./openapi-check";

/**
 * Calls a route module's loader or action with a real Request, the way the server would, and reads what it
 * answered — a Response, `data()` or a plain object, returned or thrown (redirects, 404s) — as status, Location,
 * headers and body (JSON when it parses, else the text). Every answer to an /api/ URL is checked against the
 * OpenAPI document (openapi-check.ts): a status, header or body the document does not describe fails the test.
 */
export interface RouteAnswer {
  status: number;
  location: string | null;
  headers: Headers;
  body: any;
}

export interface RouteCall {
  url: string;
  params?: Record<string, string>;
  method?: string;
  /** Form fields (sent as application/x-www-form-urlencoded) or, with `json`, a JSON body. */
  form?: Record<string, string | string[]>;
  json?: unknown;
  headers?: Record<string, string>;
  clientIp?: string;
}

const origin = "http://localhost";

/** Form fields as a POST body (repeated names for arrays). */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body;
}

export async function settle(result: unknown): Promise<RouteAnswer> {
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a plain "Not Found"): the text itself
    }
    return { status: result.status, location: result.headers.get("Location"), headers: result.headers, body };
  }
  const r = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (r?.type === "DataWithResponseInit") {
    return { status: r.init?.status ?? 200, location: null, headers: new Headers(r.init?.headers), body: JSON.parse(JSON.stringify(r.data)) };
  }
  return { status: 200, location: null, headers: new Headers(), body: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
}

let apiCheck: OpenApiCheck | null = null;

/** What a route function answered to `request`, settled; an /api/ answer checked against the OpenAPI document. */
export async function settleChecked(request: Request, result: unknown): Promise<RouteAnswer> {
  const answer = await settle(result);
  const url = new URL(request.url);
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
    apiCheck ??= createOpenApiCheck(openApiDocument());
    const plain = !(result instanceof Response) && (result as { type?: string } | null)?.type !== "DataWithResponseInit";
    apiCheck({ method: request.method, url: request.url, status: answer.status, headers: plain ? null : answer.headers, body: answer.body });
  }
  return answer;
}

/** Same-origin by default (Origin and Sec-Fetch-Site), as a browser on the portal's own pages sends. */
export async function callRoute(fn: (args: never) => Promise<unknown> | unknown, call: RouteCall): Promise<RouteAnswer> {
  const method = call.method ?? (call.form || call.json !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { Origin: origin, "Sec-Fetch-Site": "same-origin", ...call.headers };
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers["Content-Type"] ??= "application/json";
  } else if (call.form) body = formBody(call.form);
  const request = new Request(origin + call.url, { method, headers, body });
  let result: unknown;
  try {
    result = await fn({ request, params: call.params ?? {}, context: { clientIp: call.clientIp ?? "192.0.2.1" } } as never);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  return settleChecked(request, result);
}
