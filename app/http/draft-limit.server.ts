import { data, type AppLoadContext } from "@remix-run/node";
import type { Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import { hitDraftLimit } from "~/modules/security/draft-limit.server";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * "Start booking / applying" posts are limited per client (app/modules/security/draft-limit.server.ts): null when
 * this one may go ahead, else the page's answer — 429 with Retry-After and a message for its error summary.
 */
export async function refuseTooManyDrafts(context: AppLoadContext, locale: Locale) {
  const limit = await hitDraftLimit(getDb(), context.clientIp ?? "local");
  if (limit.allowed) return null;
  const t = getFixedT(locale);
  return data(
    { hasErrors: true, message: t("abuse.drafts.tooMany", { phone: federationPhone }) },
    { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
  );
}
