/**
 * Whole numbers from the query string, for every list of the portal (docs/security.md, "Request limits").
 * Links get mangled and people type into the address bar, so nothing here is an error: only plain digits count,
 * anything else (missing, "0", "-3", "1.5", "1e308", "abc") is the fallback, and a number past the maximum is the
 * maximum. No list reaches an offset the database cannot take.
 */
export function queryInteger(search: URLSearchParams, name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  const raw = search.get(name)?.trim() ?? "";
  if (!/^\d+$/.test(raw)) return fallback;
  const value = raw.length > 15 ? max : Number(raw);
  if (value < min) return fallback;
  return Math.min(value, max);
}

/** The furthest page any list goes to; past its last page a list shows its "nothing here" state. */
export const maxPage = 10_000;

/** `?page=`: 1 … 10,000, page 1 when missing or not a page number. */
export function parsePage(search: URLSearchParams): number {
  return queryInteger(search, "page", { min: 1, max: maxPage, fallback: 1 });
}
