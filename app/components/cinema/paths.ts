/** Locale-neutral paths of the cinema pages (LocalLink and localePath add /en). Safe for the browser. */
export type Step = "people" | "needs" | "seats" | "choose-seats" | "contact" | "check" | "hold";

export function stepPath(screeningId: string, draftId: string, step: Step, query = ""): string {
  return `/cinema/${encodeURIComponent(screeningId)}/book/${encodeURIComponent(draftId)}/${step}${query}`;
}

export function bookingPath(reference: string, token: string, page = ""): string {
  return `/cinema/booking/${encodeURIComponent(reference)}/${encodeURIComponent(token)}${page ? `/${page}` : ""}`;
}
