import { isConversationId, newConversationId } from "~/modules/assistant/index.server";
import type { EligibilityAnswers } from "~/modules/assistant/eligibility";
import { answersSchema } from "~/modules/assistant/eligibility-schema";
import { portalCookie } from "~/modules/security/cookies.server";

/**
 * The assistant's two cookies. `qy_chat` holds only a random conversation id (the conversation itself is in
 * the database, masked). `qy_elig` holds the eligibility answers between the one-question pages (no personal
 * numbers; kept out of URLs and server logs), for a day.
 */
const chatCookie = portalCookie("qy_chat", { maxAge: 60 * 60 * 24 * 30 });
const eligibilityCookie = portalCookie("qy_elig", { maxAge: 60 * 60 * 24 });

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

export async function readEligibilityAnswers(request: Request): Promise<Partial<EligibilityAnswers>> {
  try {
    const parsed = answersSchema.safeParse(await eligibilityCookie.parse(request));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function eligibilityCookieHeader(request: Request, answers: Partial<EligibilityAnswers>): Promise<string> {
  return eligibilityCookie.serialize(request, answers);
}

export async function clearEligibilityCookie(request: Request): Promise<string> {
  return eligibilityCookie.serialize(request, {}, { maxAge: 0 });
}
