import type { TFunction } from "i18next";
import type { Locale } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/i18n/format";
import type { SummaryError } from "../ErrorSummary";
import { fieldId, type FormState } from "../form-state";
import type { WithdrawalKind } from "~/modules/withdrawal/withdrawal-constants";

/** What the withdrawal page needs of a record to say, in words, what is (or was) withdrawn. */
interface Withdrawable {
  kind: WithdrawalKind;
  reference: string;
  subject: { zh: string; en: string } | null;
  startsAt: string | null;
  createdAt: string;
  status: string | null;
  tickets: number | null;
  topic: string | null;
}

/** "Your request JY-… for: Manual wheelchair, sent on 1 December 2026." and the like, in the page's language. */
export function withdrawalWhat(t: TFunction, locale: Locale, view: Withdrawable): string {
  const subject = view.subject ? (locale === "en" ? view.subject.en : view.subject.zh) : "";
  return t(`withdraw.kinds.${view.kind}.what`, {
    reference: view.reference,
    subject,
    date: formatDate(view.createdAt, locale),
    time: view.startsAt ? formatDateTime(view.startsAt, locale) : "",
    status: view.status ? t(`centre.signupStatus.${view.status}`, { defaultValue: view.status }) : "",
    count: view.tickets ?? 0,
    topic: view.topic ? t(`feedback.topics.${view.topic}`, { defaultValue: view.topic }) : "",
  });
}

/** Error codes of the withdrawal form as sentences: withdraw.errors.* first, the site's errors.* otherwise. */
export function withdrawalErrors(t: TFunction, state: FormState, formId: string, order: readonly string[]) {
  const text = (field: string, code: string) => {
    const [name, arg] = code.split(":");
    const fieldName = field ? t(`withdraw.fields.${field}`, { defaultValue: field }) : "";
    const fallback = t(`errors.${name}`, { field: fieldName, max: arg, defaultValue: t("errors.badRequest") });
    return t(`withdraw.errors.${name}`, { field: fieldName, max: arg, defaultValue: fallback });
  };
  const fieldErrors: Record<string, string[]> = Object.fromEntries(order.map((name) => [name, state.errors(name).map((code) => text(name, code))]));
  const summary: SummaryError[] = [
    ...state.formErrors().map((code) => ({ text: text("", code) })),
    ...order.flatMap((name) => fieldErrors[name].map((message) => ({ id: fieldId(formId, name), text: message }))),
  ];
  return { fieldErrors, summary };
}
