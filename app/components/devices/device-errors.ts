import type { TFunction } from "i18next";
import type { SummaryError } from "../ErrorSummary";
import { fieldId, type FormState } from "../form-state";

/**
 * Error codes from the lending schemas and domain ("required", "invalidPhone", "certificateCheck", "tooLong:50")
 * as sentences: devices.errors.* first, the site's shared errors.* otherwise; field names from devices.fields.*.
 */
export function deviceErrorText(t: TFunction, field: string, code: string): string {
  const [name, arg] = code.split(":");
  const fieldName = field ? t(`devices.fields.${field}`, { defaultValue: field }) : "";
  const fallback = t(`errors.${name}`, { field: fieldName, max: arg, defaultValue: t("errors.badRequest") });
  return t(`devices.errors.${name}`, { field: fieldName, max: arg, defaultValue: fallback });
}

export function deviceErrors(t: TFunction, state: FormState, formId: string, order: readonly string[]) {
  const fieldErrors: Record<string, string[]> = Object.fromEntries(
    order.map((name) => [name, state.errors(name).map((code) => deviceErrorText(t, name, code))]),
  );
  const summary: SummaryError[] = [
    ...state.formErrors().map((code) => ({ text: deviceErrorText(t, "", code) })),
    ...order.flatMap((name) => fieldErrors[name].map((text) => ({ id: fieldId(formId, name), text }))),
  ];
  return { fieldErrors, summary };
}
