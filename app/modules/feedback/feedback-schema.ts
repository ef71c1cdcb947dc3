import { z } from "zod";
import { normaliseMobile } from "../privacy/numbers";
import { freeText, nameText, plainText } from "../privacy/text-fields";
import { feedbackTopics } from "./feedback-constants";

export { feedbackTopics };

/**
 * The feedback form. Shared by the page (client-side validation) and the action (the check that counts).
 * Error messages are codes; the page turns them into localized text (see app/components/form-errors.ts).
 */
export const feedbackMessageMax = 2000;

const mobile = /^1[3-9]\d{9}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The contact as it is stored: a mobile number as 11 digits, an e-mail address as typed. */
export function normaliseContact(contact: string): string {
  return contact.includes("@") ? contact.trim() : normaliseMobile(contact);
}

export const feedbackSchema = z.object({
  topic: z.enum(feedbackTopics, { errorMap: () => ({ message: "chooseOne" }) }),
  message: freeText({ max: feedbackMessageMax, min: 1, multiline: true }),
  name: nameText({ max: 50 }).optional(),
  contact: plainText({ max: 100, tooLong: "invalidContact" })
    .refine((v) => mobile.test(normaliseContact(v)) || email.test(v), "invalidContact")
    .optional(),
  // Honeypot: hidden from people and screen readers; a value means a bot filled the form.
  website: z.string().max(0, "spam").optional(), // raw: must stay empty, never stored
});

export type FeedbackInput = z.infer<typeof feedbackSchema>;
