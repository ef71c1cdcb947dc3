import { localePath, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { maskPersonalData } from "../privacy/mask";
import { publicOrigin } from "../site/public-origin";
import { federationPhone } from "../site/contact-details";
import type { MessageChannel, MessageTemplate } from "./message-constants";

/** What a template needs: the reference always, the rest per template (all plain text). */
export type TemplateParams = { reference: string } & Record<string, string>;

/** An SMS stays short: free text in it (a staff reply) is cut to this many characters. */
export const smsTextMax = 120;

export interface RenderedMessage {
  subject: string;
  body: string;
}

/**
 * A message as the person reads it: plain text in their language (templates under `messages.templates` in both
 * locale files), with the reference, what happens next and, when PUBLIC_ORIGIN is set, a link to manage it.
 * Personal numbers in free text are masked: a message never carries an ID, certificate or phone number in full.
 */
export function renderMessage(
  template: MessageTemplate,
  channel: MessageChannel,
  locale: Locale,
  params: TemplateParams,
  options: { managePath: string; env?: Record<string, string | undefined> },
): RenderedMessage {
  const t = getFixedT(locale);
  const safe = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, maskPersonalData(value).text]));
  if (channel === "sms") {
    for (const [key, value] of Object.entries(safe)) {
      if (key !== "reference" && value.length > smsTextMax) safe[key] = `${value.slice(0, smsTextMax)}…`;
    }
  }
  const origin = publicOrigin(options.env);
  const values = { ...safe, phone: federationPhone, interpolation: { escapeValue: false } };
  const parts = [t(`messages.templates.${template}.${channel}`, values) as string];
  if (origin) {
    // A template may say what the link is for ("查看或取消预订"); the general wording otherwise.
    const link = { link: origin + localePath(options.managePath, locale), interpolation: { escapeValue: false } };
    parts.push(t(`messages.templates.${template}.manageLink`, { ...link, defaultValue: t("messages.manageLink", link) }) as string);
  }
  return { subject: t(`messages.templates.${template}.subject`, values) as string, body: parts.join("\n") };
}
