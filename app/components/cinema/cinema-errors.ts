import type { TFunction } from "i18next";
import type { SummaryError } from "../ErrorSummary";
import { fieldId, type FormState } from "../form-state";

/**
 * Error codes from the cinema's schemas and domain ("required", "invalidPhone", "tooLong:50") as sentences:
 * cinema.errors.* first, the site's shared errors.* otherwise; field names from cinema.fields.*.
 */
export function cinemaErrorText(t: TFunction, field: string, code: string): string {
  const [name, arg] = code.split(":");
  const fieldName = field ? t(`cinema.fields.${field}`, { defaultValue: field }) : "";
  const fallback = t(`errors.${name}`, { field: fieldName, max: arg, defaultValue: t("errors.badRequest") });
  return t(`cinema.errors.${name}`, { field: fieldName, max: arg, defaultValue: fallback });
}

export function cinemaErrors(t: TFunction, state: FormState, formId: string, order: readonly string[]) {
  const fieldErrors: Record<string, string[]> = Object.fromEntries(
    order.map((name) => [name, state.errors(name).map((code) => cinemaErrorText(t, name, code))]),
  );
  const summary: SummaryError[] = [
    ...state.formErrors().map((code) => ({ text: cinemaErrorText(t, "", code) })),
    ...order.flatMap((name) => fieldErrors[name].map((text) => ({ id: fieldId(formId, name), text }))),
  ];
  return { fieldErrors, summary };
}
