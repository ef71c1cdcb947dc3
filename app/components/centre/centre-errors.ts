import type { TFunction } from "i18next";
import type { SummaryError } from "../ErrorSummary";
import { fieldId, type FormState } from "../form-state";

/** Error codes as sentences: centre.errors.* first, the site's errors.* otherwise; field names from centre.fields.*. */
export function centreErrorText(t: TFunction, field: string, code: string): string {
  const [name, arg] = code.split(":");
  const fieldName = field ? t(`centre.fields.${field}`, { defaultValue: field }) : "";
  const fallback = t(`errors.${name}`, { field: fieldName, max: arg, defaultValue: t("errors.badRequest") });
  return t(`centre.errors.${name}`, { field: fieldName, max: arg, defaultValue: fallback });
}

export function centreErrors(t: TFunction, state: FormState, formId: string, order: readonly string[]) {
  const fieldErrors: Record<string, string[]> = Object.fromEntries(order.map((name) => [name, state.errors(name).map((code) => centreErrorText(t, name, code))]));
  const summary: SummaryError[] = [
    ...state.formErrors().map((code) => ({ text: centreErrorText(t, "", code) })),
    ...order.flatMap((name) => fieldErrors[name].map((text) => ({ id: fieldId(formId, name), text }))),
  ];
  return { fieldErrors, summary };
}
