import { z } from "zod";
import { certificateProblem, normaliseCertificate } from "../lending/certificate";
import { freeText, lookupSchema, mobilePhone, nameText, plainText } from "../privacy/text-fields";
import { accessibilityFeatures, activityTypes, associationIds, cardFormats, collectOptions, disabilityCategories } from "./centre-constants";

/** Form schemas of the centre's pages (server only). Errors are codes; pages turn them into sentences. */
const name = nameText({ max: 50, min: 1 });
export const phone = mobilePhone();
const honeypot = z.string().max(0, "spam").optional(); // raw: must stay empty, never stored

export const contactSchema = z.object({ name, phone, website: honeypot });
export const disabilitySchema = z.object({ disability: z.enum(disabilityCategories, { errorMap: () => ({ message: "chooseOne" }) }) });
export const certificateSchema = z.object({
  certificate: z
    .string() // raw: only 20 characters of a strict pattern pass
    .transform(normaliseCertificate)
    .superRefine((value, ctx) => {
      const problem = value ? certificateProblem(value) : null;
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .optional()
    .default(""),
});
export const formatSchema = z.object({ format: z.enum(cardFormats, { errorMap: () => ({ message: "chooseOne" }) }) });
export const collectSchema = z.object({ collect: z.enum(collectOptions, { errorMap: () => ({ message: "chooseOne" }) }) });
export const addressSchema = z.object({ address: freeText({ max: 200, min: 4, multiline: true }) });

const feature = z.enum(accessibilityFeatures);
/** Checkboxes: none ticked is a valid answer ("nothing needed"). */
export const needsSchema = z.object({ needs: z.array(feature).or(feature.transform((v) => [v])).optional().default([]) });

export { lookupSchema };

export const cardDecisionSchema = z
  .object({
    decision: z.enum(["issue", "refuse"], { errorMap: () => ({ message: "chooseOne" }) }),
    reason: freeText({ max: 500, multiline: true }).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && !v.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "required" });
  });

const localDateTime = z
  .string({ required_error: "required" }) // raw: only a strict date-time pattern passes
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "invalidDateTime");

/** Staff: publish or edit an activity. Date-times are China time (datetime-local inputs). */
export const activityFormSchema = z
  .object({
    type: z.enum(activityTypes, { errorMap: () => ({ message: "chooseOne" }) }),
    associationId: z.enum(["", ...associationIds] as [string, ...string[]]).optional().default(""),
    titleZh: nameText({ max: 80, min: 1 }),
    titleEn: nameText({ max: 120, min: 1 }),
    summaryZh: freeText({ max: 1000, min: 1, multiline: true }),
    summaryEn: freeText({ max: 1500, min: 1, multiline: true }),
    placeZh: freeText({ max: 120, min: 1 }),
    placeEn: freeText({ max: 160, min: 1 }),
    startsAt: localDateTime,
    durationMinutes: z.coerce.number({ invalid_type_error: "number" }).int("number").min(15, "number").max(600, "number"),
    capacity: z.coerce.number({ invalid_type_error: "number" }).int("number").min(1, "number").max(500, "number"),
    waitlistSize: z.coerce.number({ invalid_type_error: "number" }).int("number").min(0, "number").max(500, "number"),
    accessibility: z.array(feature).or(feature.transform((v) => [v])).optional().default([]),
    signupOpensAt: localDateTime,
    signupClosesAt: localDateTime,
    status: z.enum(["published", "draft", "cancelled"], { errorMap: () => ({ message: "chooseOne" }) }),
  })
  .superRefine((v, ctx) => {
    if (v.signupClosesAt <= v.signupOpensAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["signupClosesAt"], message: "closesBeforeOpens" });
    if (v.signupClosesAt > v.startsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["signupClosesAt"], message: "closesAfterStart" });
    if (v.type === "association" && !v.associationId) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["associationId"], message: "chooseOne" });
  });
export type ActivityForm = z.infer<typeof activityFormSchema>;

const signupReference = plainText({ max: 20 });
export const attendanceSchema = z.object({ attended: z.array(signupReference).or(signupReference.transform((v) => [v])).optional().default([]) });
