import { z } from "zod";

/**
 * POST /api/v1/chat and the page's form: the same fields. Length and emptiness are the module's to judge.
 * `conversationId` (optional, from an earlier reply) asks the question in that conversation: follow-ups use
 * its earlier turns.
 */
export const chatInputSchema = z.object({
  // raw: cleaned and masked by the assistant's guards (guards.ts), which also tell the person what was hidden
  question: z
    .string({ required_error: "required", invalid_type_error: "invalid" })
    .describe("The question, at most 500 characters once cleaned; personal numbers in it are hidden before it is stored."),
  locale: z.enum(["zh-CN", "en"], { invalid_type_error: "invalid", message: "invalid" }).optional().describe("The language of the question and the answer."),
  conversationId: z
    .string({ invalid_type_error: "invalid" })
    .regex(/^[A-Za-z0-9_-]{24}$/, "invalid")
    .optional()
    .describe("From an earlier reply: asks the question as a follow-up in that conversation."),
});

export const chatFormSchema = z.object({
  intent: z.literal("ask"),
  question: z.string({ required_error: "required" }).max(20_000, "tooLong:500"), // raw: as above, guards.ts
});

export const rateFormSchema = z.object({
  intent: z.literal("rate"),
  id: z.string().uuid(), // raw: only a UUID passes
  helpful: z.enum(["1", "0"]),
});
