import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiLocale, readJsonObject } from "~/http/api.server";
import { getFixedT } from "~/i18n/i18n.server";
import { askAssistant, InvalidQuestion, newConversationId } from "~/modules/assistant/index.server";
import { chatInputSchema } from "~/modules/assistant/chat-schema";
import { getDb } from "~/modules/db/index.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";

/**
 * POST /api/v1/chat `{ question, locale?, conversationId? }` → `{ answer, grounded, citations: [{ title, url,
 * quote }], conversationId }` (docs/contracts.md, plus the conversation). `grounded: false` when the corpus does not
 * cover the question; 422 for an empty or too long question or a malformed conversationId; 429 over the rate
 * limit. Every reply names its conversation; sending it back with the next question makes that question a
 * follow-up ("要带什么材料？"). An id with no stored turns starts a conversation under it.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  let locale = apiLocale(request);
  const t = () => getFixedT(locale);
  if (request.method !== "POST") return apiError(405, "method_not_allowed", t()("assistant.api.methodNotAllowed"), undefined, { Allow: "POST" });

  const limit = await hitRateLimit(getDb(), "chat", context.clientIp ?? "local");
  if (!limit.allowed) {
    return apiError(429, "rate_limited", t()("errors.rateLimited"), undefined, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const body = await readJsonObject(request);
  if (!body) return apiError(400, "bad_json", t()("assistant.api.badJson"));
  locale = apiLocale(request, body.locale);

  const parsed = chatInputSchema.safeParse(body);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((i) => {
        const field = String(i.path[0] ?? "body");
        const known = field === "locale" || field === "conversationId" ? field : "question";
        return [field, t()(`assistant.api.fields.${known}`)];
      }),
    );
    return apiError(422, "invalid_input", Object.values(fields).join(" "), fields);
  }
  try {
    const conversationId = parsed.data.conversationId ?? newConversationId();
    const reply = await askAssistant({ question: parsed.data.question, locale }, { db: getDb(), conversationId });
    return Response.json({ answer: reply.answer, grounded: reply.grounded, citations: reply.citations, conversationId });
  } catch (error) {
    if (error instanceof InvalidQuestion) {
      const message = error.code === "empty" ? t()("assistant.errors.empty") : t()("assistant.errors.tooLong", { max: error.max, length: error.length });
      return apiError(422, error.code, message, { question: message });
    }
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  return apiError(405, "method_not_allowed", getFixedT(apiLocale(request))("assistant.api.methodNotAllowed"), undefined, { Allow: "POST" });
}
