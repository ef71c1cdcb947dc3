import type { TFunction } from "i18next";
import type { SummaryError } from "../ErrorSummary";
import { fieldId, type FormState } from "../form-state";

/**
 * Error codes as sentences for a service whose words are under `words` (centre, homeMod): `<words>.errors.*` first,
 * the site's errors.* otherwise; field names from `<words>.fields.*`.
 */
export const errorTextIn =
  (words: "centre" | "homeMod") =>
  (t: TFunction, field: string, code: string): string => {
    const [name, arg] = code.split(":");
    const fieldName = field ? t(`${words}.fields.${field}`, { defaultValue: field }) : "";
    const fallback = t(`errors.${name}`, { field: fieldName, max: arg, defaultValue: t("errors.badRequest") });
    return t(`${words}.errors.${name}`, { field: fieldName, max: arg, defaultValue: fallback });
  };

export const centreErrorText = errorTextIn("centre");

/** A form's errors per field and for the error summary, as `text` words them. */
export const errorsIn = (text: typeof centreErrorText) => (t: TFunction, state: FormState, formId: string, order: readonly string[]) => {
  const fieldErrors: Record<string, string[]> = Object.fromEntries(order.map((name) => [name, state.errors(name).map((code) => text(t, name, code))]));
  const summary: SummaryError[] = [
    ...state.formErrors().map((code) => ({ text: text(t, "", code) })),
    ...order.flatMap((name) => fieldErrors[name].map((message) => ({ id: fieldId(formId, name), text: message }))),
  ];
  return { fieldErrors, summary };
};

export const centreErrors = errorsIn(centreErrorText);
export const homeModErrors = errorsIn(errorTextIn("homeMod"));
