import { z } from "zod";
import {
  ageOptions,
  careOptions,
  categoryOptions,
  certificateOptions,
  gradeOptions,
  incomeOptions,
  residenceOptions,
  type EligibilityAnswers,
  type EligibilityStep,
} from "./eligibility";

/** Server-side validation of the eligibility form (the browser never validates on its own). */
const choose = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { required_error: "chooseOne", invalid_type_error: "chooseOne", message: "chooseOne" });

export const answersSchema = z
  .object({
    certificate: choose(certificateOptions),
    category: choose(categoryOptions),
    grade: choose(gradeOptions),
    age: choose(ageOptions),
    income: choose(incomeOptions),
    care: choose(careOptions),
    residence: choose(residenceOptions),
  })
  .partial();

export const stepSchemas: Record<EligibilityStep, z.ZodTypeAny> = {
  certificate: z.object({ certificate: choose(certificateOptions) }),
  category: z.object({ category: choose(categoryOptions), grade: choose(gradeOptions) }),
  age: z.object({ age: choose(ageOptions) }),
  income: z.object({ income: choose(incomeOptions) }),
  care: z.object({ care: choose(careOptions) }),
  residence: z.object({ residence: choose(residenceOptions) }),
};

/**
 * The answers a chat answer carries to the step-by-step check (a POST body of choices, never a number): each
 * field that is one of its options is kept, anything else dropped.
 */
export function prefillFromForm(form: FormData): Partial<EligibilityAnswers> {
  const out: Record<string, string> = {};
  for (const [field, schema] of Object.entries(answersSchema.shape)) {
    const parsed = schema.safeParse(form.get(field) ?? undefined);
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data;
  }
  return out as Partial<EligibilityAnswers>;
}
