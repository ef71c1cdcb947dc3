/**
 * Calling Remix route functions (loader/action) directly in integration tests, with real Request objects: what a
 * route returned or threw — a Response, `data()`, or a plain object — as status, Location, headers and body.
 */
export interface RouteAnswer {
  status: number;
  location: string | null;
  headers: Headers;
  /** JSON body of a Response, or the data of `data()` / a plain object. */
  body: any;
}

export async function settle(result: unknown): Promise<RouteAnswer> {
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a plain "Not Found")
    }
    return { status: result.status, location: result.headers.get("Location"), headers: result.headers, body };
  }
  const r = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (r && r.type === "DataWithResponseInit") {
    return { status: r.init?.status ?? 200, location: null, headers: new Headers(r.init?.headers), body: JSON.parse(JSON.stringify(r.data)) };
  }
  return { status: 200, location: null, headers: new Headers(), body: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
}

/** Form fields as a POST body (repeated names for arrays). */
export function form(fields: Record<string, string | string[]> = {}): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body;
}

type RouteFn = (args: never) => Promise<unknown>;

/**
 * Calls a route function the way the server does; a thrown Response (redirect, 404) is an answer too.
 * `init.body` makes it a POST unless `init.method` says otherwise.
 */
export async function callRoute(
  fn: RouteFn,
  url: string,
  params: Record<string, string>,
  init: { body?: BodyInit; method?: string; headers?: Record<string, string>; clientIp?: string } = {},
): Promise<RouteAnswer> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const request = new Request(new URL(url, "http://localhost"), { method, body: init.body, headers: init.headers });
  try {
    return await settle(await fn({ request, params, context: { clientIp: init.clientIp ?? "192.0.2.1" } } as never));
  } catch (thrown) {
    if (thrown instanceof Response) return settle(thrown);
    throw thrown;
  }
}
