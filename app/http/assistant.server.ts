import { createCookie } from "@remix-run/node";
import { isConversationId, newConversationId } from "~/modules/assistant/index.server";
import type { EligibilityAnswers } from "~/modules/assistant/eligibility";
import { answersSchema } from "~/modules/assistant/eligibility-schema";
import { cookiesSecure } from "~/modules/security/secrets.server";

/**
 * The assistant's two cookies. `qy_chat` holds only a random conversation id (the conversation itself is in
 * the database, masked). `qy_elig` holds the eligibility answers between the one-question pages (no personal
 * numbers; kept out of URLs and server logs), for a day.
 */
const chatCookie = createCookie("qy_chat", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: cookiesSecure(),
  maxAge: 60 * 60 * 24 * 30,
});

const eligibilityCookie = createCookie("qy_elig", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: cookiesSecure(),
  maxAge: 60 * 60 * 24,
});

/** The conversation id in the request's cookie, or null. */
export async function readConversationId(request: Request): Promise<string | null> {
  try {
    const value: unknown = await chatCookie.parse(request.headers.get("Cookie"));
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
  return { id, setCookie: await chatCookie.serialize(id) };
}

export async function clearConversationCookie(): Promise<string> {
  return chatCookie.serialize("", { maxAge: 0 });
}

export async function readEligibilityAnswers(request: Request): Promise<Partial<EligibilityAnswers>> {
  try {
    const parsed = answersSchema.safeParse(await eligibilityCookie.parse(request.headers.get("Cookie")));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function eligibilityCookieHeader(answers: Partial<EligibilityAnswers>): Promise<string> {
  return eligibilityCookie.serialize(answers);
}

export async function clearEligibilityCookie(): Promise<string> {
  return eligibilityCookie.serialize({}, { maxAge: 0 });
}
