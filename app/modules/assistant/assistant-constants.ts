/** Constants the assistant's pages need in the browser (no server code, no zod). */
export const unansweredFilters = ["no_answer", "not_helpful"] as const;
export type UnansweredFilter = (typeof unansweredFilters)[number];
