import { isConversationId, newConversationId } from "~/modules/assistant/index.server";
import { portalCookie } from "~/modules/security/cookies.server";

/**
 * The assistant's two cookies, each holding only a random id. `qy_chat`: the conversation's (the conversation
 * itself is in the database, masked). `qy_elig_draft`: the eligibility check's draft (its answers are in
 * flow_drafts, gone a day after the last change; docs/decisions/0014), for a day like the draft. The answers
 * themselves are no longer in a cookie: the old `qy_elig` is not read and expires by itself within a day.
 */
const chatCookie = portalCookie("qy_chat", { maxAge: 60 * 60 * 24 * 30 });
const eligibilityCookie = portalCookie("qy_elig_draft", { maxAge: 60 * 60 * 24 });
/** A flow draft's id (app/modules/flows/drafts.server.ts: 16 random bytes, base64url). */
const draftIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** The conversation id in the request's cookie, or null. */
export async function readConversationId(request: Request): Promise<string | null> {
  try {
    const value: unknown = await chatCookie.parse(request);
    return isConversationId(value) ? value : null;
  } catch {
    return null;
  }
}

/** The request's conversation id, or a new one with the Set-Cookie header that starts it. */
export async function conversationFor(request: Request): Promise<{ id: string; setCookie: string | null }> {
  const existing = await readConversationId(request);
  if (existing) return { id: existing, setCookie: null };
  const id = newConversationId();
  return { id, setCookie: await chatCookie.serialize(request, id) };
}

export async function clearConversationCookie(request: Request): Promise<string> {
  return chatCookie.serialize(request, "", { maxAge: 0 });
}

/** The eligibility check's draft id in the request's cookie, or null (anything else in it is ignored). */
export async function readEligibilityDraftId(request: Request): Promise<string | null> {
  try {
    const value: unknown = await eligibilityCookie.parse(request);
    return typeof value === "string" && draftIdPattern.test(value) ? value : null;
  } catch {
    return null;
  }
}

export async function eligibilityCookieHeader(request: Request, draftId: string): Promise<string> {
  return eligibilityCookie.serialize(request, draftId);
}

export async function clearEligibilityCookie(request: Request): Promise<string> {
  return eligibilityCookie.serialize(request, "", { maxAge: 0 });
}
