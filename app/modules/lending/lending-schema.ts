import { z } from "zod";
import { certificateProblem, normaliseCertificate } from "./certificate";
import { afterReturn, applicantCategories, maxPurposeLength, mobileNumberPattern, normalisePhone, unitConditions } from "./lending-constants";

/**
 * Schemas for the device pages' forms and the JSON API (server only: zod stays out of the browser). Errors are
 * codes; pages turn them into sentences (devices.errors.* in the locale files), the API into `fields`.
 */
const name = z.string({ required_error: "required", invalid_type_error: "required" }).trim().min(1, "required").max(50, "tooLong:50");

const phone = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .transform(normalisePhone)
  .pipe(z.string().min(1, "required").regex(mobileNumberPattern, "invalidPhone"));

const certificate = z
  .string({ invalid_type_error: "certificateFormat" })
  .transform(normaliseCertificate)
  .superRefine((value, ctx) => {
    const problem = value ? certificateProblem(value) : null;
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

const honeypot = z.string().max(0, "spam").optional();

/** Step 1: who is asking (name and mobile on one page: they are one question, "how do we reach you"). */
export const contactSchema = z.object({ name, phone, website: honeypot });

/** Step 2: the applicant's disability category. */
export const disabilitySchema = z.object({
  disability: z.enum(applicantCategories, { errorMap: () => ({ message: "chooseOne" }) }),
});

/** Step 3: 残疾人证号, optional; when given, 20 characters with a valid ID check character. */
export const certificateSchema = z.object({ certificate: certificate.optional().default("") });

/** Step 4: what the device is for. */
export const purposeSchema = z.object({
  purpose: z.string({ required_error: "required" }).trim().min(1, "required").max(maxPurposeLength, `tooLong:${maxPurposeLength}`),
});

/** Step 5: where to collect it. */
export const pickupSchema = z.object({
  pickup: z.string({ required_error: "chooseOne" }).min(1, "chooseOne").max(60, "chooseOne"),
});

/** The status page: reference + phone. */
export const lookupSchema = z.object({
  reference: z.string({ required_error: "required" }).trim().min(1, "required").max(20, "invalidReference"),
  phone,
});

/** POST /api/v1/loan-requests (CONTRACTS.md). Strict types. */
export const apiLoanRequestSchema = z.object({
  deviceId: z.string({ required_error: "required", invalid_type_error: "required" }).trim().min(1, "required").max(80, "unknownDevice"),
  name,
  phone,
  disabilityCategory: z.enum(applicantCategories, { errorMap: () => ({ message: "chooseOne" }) }),
  certificateNumber: certificate.nullable().optional(),
  note: z.string({ invalid_type_error: "invalid" }).max(maxPurposeLength, `tooLong:${maxPurposeLength}`).nullable().optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
});
export type ApiLoanRequestInput = z.infer<typeof apiLoanRequestSchema>;

/* ---------- Staff forms ---------- */

const reason = z.string().trim().max(500, "tooLong:500").optional().default("");

export const decisionSchema = z
  .object({
    decision: z.enum(["approve", "reject", "cancel"], { errorMap: () => ({ message: "chooseOne" }) }),
    reason,
    reserveUnitId: z.string().max(80).optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "approve" && !value.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "required" });
  });

const condition = z.enum(unitConditions, { errorMap: () => ({ message: "chooseOne" }) });

export const checkOutSchema = z.object({
  unitId: z.string({ required_error: "chooseOne" }).min(1, "chooseOne").max(80),
  dueDate: z.string().trim().max(10, "invalidDate").optional().default(""),
  condition,
});

export const returnSchema = z.object({
  condition,
  next: z.enum(afterReturn, { errorMap: () => ({ message: "chooseOne" }) }),
  locationId: z.string().max(80).optional().default(""),
  note: z.string().trim().max(500, "tooLong:500").optional().default(""),
});

export const unitActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), to: z.enum(["repair", "sanitise", "ready"], { errorMap: () => ({ message: "chooseOne" }) }), reason: z.string().trim().min(1, "required").max(500, "tooLong:500") }),
  z.object({ intent: z.literal("transfer"), toLocationId: z.string({ required_error: "chooseOne" }).min(1, "chooseOne").max(80), reason: z.string().trim().min(1, "required").max(500, "tooLong:500") }),
  z.object({
    intent: z.literal("writeOff"),
    reason: z.string().trim().min(1, "required").max(500, "tooLong:500"),
    approver: z.string().trim().min(1, "required").max(50, "tooLong:50"),
  }),
]);

export const intakeSchema = z.object({
  typeId: z.string({ required_error: "chooseOne" }).min(1, "chooseOne").max(80),
  locationId: z.string({ required_error: "chooseOne" }).min(1, "chooseOne").max(80),
  quantity: z.coerce.number({ invalid_type_error: "quantity", required_error: "quantity" }).int("quantity").min(1, "quantity").max(50, "quantity"),
  condition,
  reason: z.string({ required_error: "required" }).trim().min(1, "required").max(500, "tooLong:500"),
});
