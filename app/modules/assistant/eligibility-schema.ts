import { z } from "zod";
import {
  ageOptions,
  careOptions,
  categoryOptions,
  certificateOptions,
  gradeOptions,
  incomeOptions,
  residenceOptions,
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
