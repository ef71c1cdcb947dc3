import { z } from "zod";
import { feedbackTopics } from "./feedback-constants";

export { feedbackTopics };

/**
 * The feedback form. Shared by the page (client-side validation) and the action (the check that counts).
 * Error messages are codes; the page turns them into localized text (see app/components/form-errors.ts).
 */
export const feedbackMessageMax = 2000;

const mobile = /^1[3-9]\d{9}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const feedbackSchema = z.object({
  topic: z.enum(feedbackTopics, { errorMap: () => ({ message: "chooseOne" }) }),
  message: z
    .string({ required_error: "required" })
    .trim()
    .min(1, "required")
    .max(feedbackMessageMax, `tooLong:${feedbackMessageMax}`),
  name: z.string().trim().max(50, "tooLong:50").optional(),
  contact: z
    .string()
    .trim()
    .max(100, "invalidContact")
    .refine((v) => mobile.test(v.replace(/[\s-]/g, "")) || email.test(v), "invalidContact")
    .optional(),
  // Honeypot: hidden from people and screen readers; a value means a bot filled the form.
  website: z.string().max(0, "spam").optional(),
});

export type FeedbackInput = z.infer<typeof feedbackSchema>;
