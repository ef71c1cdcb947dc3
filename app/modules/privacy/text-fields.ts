import { z } from "zod";
import { cleanLine, cleanMultiline, cleanName } from "./clean-text";
import { maskPersonalData } from "./mask";
import { normaliseMobile } from "./numbers";

/**
 * The zod fields every text input of a form or the JSON API is read with, so that no field can forget:
 * - `freeText`: what a person writes (a message, a note, an address, a reason): control characters out and
 *   personal numbers masked before it is stored, so it is stored and shown masked;
 * - `nameText`: a name (a person's, a staff member's, a screening's or activity's title): also without invisible
 *   characters, spaces collapsed;
 * - `plainText`: what is compared, not kept as prose (a reference, an id, a choice, an e-mail address):
 *   control characters out, nothing masked;
 * - `mobilePhone`: a field that IS a phone number, stored whole to call the person back.
 * Lengths are checked on the cleaned text; errors are the codes the pages and the API already use.
 */
export interface TextFieldOptions {
  /** The longest text accepted (after cleaning and trimming). */
  max: number;
  /** The shortest; 0 (the default) lets the field be empty. */
  min?: number;
  /** Error code when the field is missing or shorter than `min`; "required" by default. */
  required?: string;
  /** Error code when the value is not a string; `required` by default. */
  invalid?: string;
  /** Error code when the text is longer than `max`; `tooLong:<max>` by default. */
  tooLong?: string;
}

function textField(clean: (value: string) => string, finish: (value: string) => string, options: TextFieldOptions) {
  const required = options.required ?? "required";
  const tooLong = options.tooLong ?? `tooLong:${options.max}`;
  return z.string({ required_error: required, invalid_type_error: options.invalid ?? required }).transform((value, ctx) => {
    const cleaned = clean(value).trim();
    const problem = cleaned.length < (options.min ?? 0) ? required : cleaned.length > options.max ? tooLong : null;
    if (problem) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      return z.NEVER;
    }
    return finish(cleaned);
  });
}

const masked = (value: string) => maskPersonalData(value).text;
const asIs = (value: string) => value;

/** Free text a person writes: one line, or several with `multiline` (a textarea). Stored with personal numbers masked. */
export function freeText(options: TextFieldOptions & { multiline?: boolean }) {
  return textField(options.multiline ? cleanMultiline : cleanLine, masked, options);
}

/** A name: one line, no control or invisible characters, spaces collapsed; a number typed into it is masked. */
export function nameText(options: TextFieldOptions) {
  return textField(cleanName, masked, options);
}

/** Text that is compared or looked up rather than kept as prose: control characters out, nothing masked. */
export function plainText(options: TextFieldOptions) {
  return textField(cleanLine, asIs, options);
}

/**
 * A Chinese mobile number, stored whole (it is how staff call the person back; views mask it). Read as people
 * type it: full-width digits, spaces, dashes, dots, brackets and +86 are fine; anything else is `invalidPhone`.
 */
export function mobilePhone(options: { required?: string; invalid?: string } = {}) {
  const required = options.required ?? "required";
  return z
    .string({ required_error: required, invalid_type_error: required })
    .transform(normaliseMobile)
    .pipe(
      z
        .string({ required_error: required })
        .min(1, required)
        .regex(/^1[3-9]\d{9}$/, options.invalid ?? "invalidPhone"),
    );
}

/**
 * A status or booking lookup: a reference and the phone given with it (library card, activity sign-up, device request,
 * home modification, cinema booking). One form for all; the pages answer it through app/http/lookup.server.ts.
 */
export const lookupSchema = z.object({
  reference: plainText({ max: 32, min: 1, tooLong: "invalidReference" }),
  phone: mobilePhone(),
});
