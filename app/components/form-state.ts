import type { SubmissionResult } from "@conform-to/react";

/**
 * What the page needs from a form post that came back (Conform's `submission.reply()`):
 * the value each field had, so nothing typed is lost, and the error codes of each field.
 */
export interface FormState {
  value: (name: string) => string;
  /** Every value a repeated field (checkboxes) had; empty when the form has not come back. */
  values: (name: string) => string[];
  errors: (name: string) => string[];
  /** Errors about the form as a whole (rate limit, spam), not one field. */
  formErrors: () => string[];
}

export function formState(lastResult: SubmissionResult<string[]> | undefined | null): FormState {
  const initial = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const error = lastResult?.error ?? {};
  const errors = (name: string) => (error[name] ?? []).filter(Boolean);
  return {
    value: (name) => {
      const v = initial[name];
      return typeof v === "string" ? v : "";
    },
    values: (name) => {
      const v = initial[name];
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
    },
    errors,
    formErrors: () => errors(""),
  };
}

/** The id of a field's control; error summary links point at it. */
export const fieldId = (formId: string, name: string) => `${formId}-${name}`;
