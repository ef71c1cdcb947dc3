/**
 * The Atom feed's address and media type, for the pages that link it (no server code: the root and the pages'
 * handles use these; the feed itself is built in feed.server.ts). The path is locale-neutral: `/en` in front for English.
 */
export const policyFeedPath = "/feeds/policies.xml";
export const atomType = "application/atom+xml";
export const atomContentType = `${atomType}; charset=utf-8`;
