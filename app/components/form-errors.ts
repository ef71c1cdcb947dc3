import type { TFunction } from "i18next";
import type { SummaryError } from "./ErrorSummary";
import { fieldId, type FormState } from "./form-state";

/**
 * Schemas report errors as codes ("required", "tooLong:2000"); this turns a code into the localized
 * sentence for one field, so the same schema serves every language.
 */
export function errorText(t: TFunction, field: string, code: string): string {
  const [name, arg] = code.split(":");
  const fieldName = field ? t(`fields.${field}`, { defaultValue: field }) : "";
  return t(`errors.${name}`, { field: fieldName, max: arg, defaultValue: t("errors.badRequest") });
}

/** Localized messages per field, and the error summary list in field order (form-level messages first). */
export function localizedErrors(t: TFunction, state: FormState, formId: string, order: readonly string[]) {
  const fieldErrors: Record<string, string[]> = Object.fromEntries(
    order.map((name) => [name, state.errors(name).map((code) => errorText(t, name, code))]),
  );
  const summary: SummaryError[] = [
    ...state.formErrors().map((code) => ({ text: errorText(t, "", code) })),
    ...order.flatMap((name) => fieldErrors[name].map((text) => ({ id: fieldId(formId, name), text }))),
  ];
  return { fieldErrors, summary };
}
