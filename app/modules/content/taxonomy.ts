/**
 * The policy library's fixed vocabularies. A zod-free file so pages (client code) can import the lists
 * for filters and labels without shipping the schema library.
 */
export const docTypes = ["regulation", "guide", "notice", "faq"] as const;
export type DocType = (typeof docTypes)[number];

export const topicIds = [
  "subsidy",
  "rehab",
  "education",
  "employment",
  "certificate",
  "accessibility",
  "culture",
  "services",
] as const;
export type TopicId = (typeof topicIds)[number];

export const audienceIds = [
  "everyone",
  "families",
  "children",
  "elderly",
  "visual",
  "hearing",
  "speech",
  "physical",
  "intellectual",
  "mental",
  "employers",
] as const;
export type AudienceId = (typeof audienceIds)[number];

export const docStatuses = ["current", "repealed"] as const;
export type DocStatus = (typeof docStatuses)[number];

/** Knowledge folder for each document type (knowledge/<folder>/<id>.md). */
export const typeFolders: Record<DocType, string> = {
  regulation: "regulations",
  guide: "guides",
  notice: "notices",
  faq: "faq",
};

/** App pages a knowledge document may link to (locale-neutral; `/en` + path is accepted too). */
export const linkableAppPages = [
  "/",
  "/cinema",
  "/devices",
  "/assistant",
  "/contact",
  "/feedback",
  "/settings",
  "/search",
  "/policies",
  "/guides",
  "/accessibility",
] as const;

/** Pages whose sub-paths (`/cinema/<screening>`, `/devices/<id>`) are data-driven and accepted as links. */
export const linkableAppPrefixes = ["/cinema/", "/devices/"] as const;

export function isDocType(value: string): value is DocType {
  return (docTypes as readonly string[]).includes(value);
}
export function isTopicId(value: string): value is TopicId {
  return (topicIds as readonly string[]).includes(value);
}
export function isAudienceId(value: string): value is AudienceId {
  return (audienceIds as readonly string[]).includes(value);
}
