import { z } from "zod";
import { certificateProblem, normaliseCertificate } from "../lending/certificate";
import { accessibilityFeatures, activityTypes, associationIds, cardFormats, collectOptions, disabilityCategories, mobileNumberPattern, normalisePhone } from "./centre-constants";

/** Form schemas of the centre's pages (server only). Errors are codes; pages turn them into sentences. */
const name = z.string({ required_error: "required", invalid_type_error: "required" }).trim().min(1, "required").max(50, "tooLong:50");
export const phone = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .transform(normalisePhone)
  .pipe(z.string().min(1, "required").regex(mobileNumberPattern, "invalidPhone"));
const honeypot = z.string().max(0, "spam").optional();

export const contactSchema = z.object({ name, phone, website: honeypot });
export const disabilitySchema = z.object({ disability: z.enum(disabilityCategories, { errorMap: () => ({ message: "chooseOne" }) }) });
export const certificateSchema = z.object({
  certificate: z
    .string()
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
export const addressSchema = z.object({ address: z.string({ required_error: "required" }).trim().min(4, "required").max(200, "tooLong:200") });

const feature = z.enum(accessibilityFeatures);
/** Checkboxes: none ticked is a valid answer ("nothing needed"). */
export const needsSchema = z.object({ needs: z.array(feature).or(feature.transform((v) => [v])).optional().default([]) });

export const lookupSchema = z.object({
  reference: z.string({ required_error: "required" }).trim().min(1, "required").max(20, "invalidReference"),
  phone,
  intent: z.enum(["lookup", "cancel"]).optional().default("lookup"),
});

export const cardDecisionSchema = z
  .object({
    decision: z.enum(["issue", "refuse"], { errorMap: () => ({ message: "chooseOne" }) }),
    reason: z.string().trim().max(500, "tooLong:500").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && !v.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "required" });
  });

const localDateTime = z
  .string({ required_error: "required" })
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "invalidDateTime");

/** Staff: publish or edit an activity. Date-times are China time (datetime-local inputs). */
export const activityFormSchema = z
  .object({
    type: z.enum(activityTypes, { errorMap: () => ({ message: "chooseOne" }) }),
    associationId: z.enum(["", ...associationIds] as [string, ...string[]]).optional().default(""),
    titleZh: z.string({ required_error: "required" }).trim().min(1, "required").max(80, "tooLong:80"),
    titleEn: z.string({ required_error: "required" }).trim().min(1, "required").max(120, "tooLong:120"),
    summaryZh: z.string({ required_error: "required" }).trim().min(1, "required").max(1000, "tooLong:1000"),
    summaryEn: z.string({ required_error: "required" }).trim().min(1, "required").max(1500, "tooLong:1500"),
    placeZh: z.string({ required_error: "required" }).trim().min(1, "required").max(120, "tooLong:120"),
    placeEn: z.string({ required_error: "required" }).trim().min(1, "required").max(160, "tooLong:160"),
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

export const attendanceSchema = z.object({ attended: z.array(z.string().max(20)).or(z.string().max(20).transform((v) => [v])).optional().default([]) });
