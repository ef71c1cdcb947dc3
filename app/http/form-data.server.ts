/**
 * No form of the portal has more than a few dozen fields (the stocktake, one per device type, has the most). Tens
 * of thousands of tiny fields fit in the body limit but cost seconds of parsing downstream, so a form with more
 * than this is refused (docs/security.md, "Request limits").
 */
export const maxFormFields = 1000;

/** Reads a posted form; a body that is not a form, or has too many fields, is the client's mistake (400), never a 500. */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
  let fields = 0;
  for (const _ of form.keys()) if (++fields > maxFormFields) throw new Response("Bad Request", { status: 400 });
  return form;
}

/**
 * Anything in a redirect target that a browser or a log would read differently than it looks: control characters
 * (CR/LF split a header or a log line; the URL parser drops tab and newline, so "/\t/evil.example" becomes
 * "//evil.example"), whitespace, backslashes (browsers read "\" as "/"), format characters (bidi overrides) and
 * lone surrogates.
 */
const unsafe = /[\p{Cc}\p{Cf}\p{Z}\\]|\p{Cs}/u;
const base = "http://portal.invalid";

/**
 * A redirect target from a form: only a path on this site ("/x", not "//host", "/\host" or "https://…").
 * Anything else, also once percent-decoded, gives the fallback. Other characters outside ASCII ("/search?q=轮椅")
 * come back percent-encoded, so the Location header is always plain ASCII (docs/security.md, "Redirects").
 */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  for (const form of [value, decoded]) {
    if (unsafe.test(form) || form.startsWith("//")) return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
