import { z } from "zod";
import { certificateProblem, normaliseCertificate } from "./certificate";
import { freeText, lookupSchema, mobilePhone, nameText, plainText } from "../privacy/text-fields";
import { afterReturn, applicantCategories, maxPurposeLength, unitConditions } from "./lending-constants";

/**
 * Schemas for the device pages' forms and the JSON API (server only: zod stays out of the browser). Errors are
 * codes; pages turn them into sentences (devices.errors.* in the locale files), the API into `fields`.
 */
const name = nameText({ max: 50, min: 1 });
const phone = mobilePhone();
/** An id sent back by one of the form's own choices (a location, a unit, a device type). */
const choice = (required = "chooseOne") => plainText({ max: 80, min: 1, required, tooLong: required });

const certificate = z
  .string({ invalid_type_error: "certificateFormat" }) // raw: only 20 characters of a strict pattern pass
  .transform(normaliseCertificate)
  .superRefine((value, ctx) => {
    const problem = value ? certificateProblem(value) : null;
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

const honeypot = z.string().max(0, "spam").optional(); // raw: must stay empty, never stored

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
  purpose: freeText({ max: maxPurposeLength, min: 1, multiline: true }),
});

/** Step 5: where to collect it. */
export const pickupSchema = z.object({
  pickup: choice(),
});

/** The status page: reference + phone. */
export { lookupSchema };

/**
 * The renewal page (续借): reference + phone to find the loan; the confirmation sends them again with the due date
 * the person saw (`dueDate`), so one confirmation renews once.
 */
export const renewalSchema = lookupSchema.extend({
  intent: z.enum(["find", "renew"]).default("find"),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
    .optional(),
});

/** POST /api/v1/loan-requests (docs/contracts.md). Strict types. */
export const apiLoanRequestSchema = z.object({
  deviceId: plainText({ max: 80, min: 1, tooLong: "unknownDevice" }).describe("A device's id from GET /api/v1/devices."),
  name: name.describe("The applicant's name: 1 to 50 characters once cleaned."),
  phone: phone.describe("A mainland mobile number (full-width digits, spaces, dashes and +86 are fine); the request's key with its reference."),
  disabilityCategory: z.enum(applicantCategories, { errorMap: () => ({ message: "chooseOne" }) }).describe("The applicant's disability category."),
  certificateNumber: certificate
    .nullable()
    .optional()
    .describe("残疾人证号: 20 characters with a valid check character. Kept only as a keyed hash and a masked form."),
  note: freeText({ max: maxPurposeLength, multiline: true, invalid: "invalid" })
    .nullable()
    .optional()
    .describe(`What the device is for, at most ${maxPurposeLength} characters; personal numbers in it are stored masked.`),
  locale: z.enum(["zh-CN", "en"]).optional().describe("The language of the answer's messages."),
});
export type ApiLoanRequestInput = z.infer<typeof apiLoanRequestSchema>;

/* ---------- Staff forms ---------- */

const reason = freeText({ max: 500, multiline: true }).optional().default("");
const requiredReason = freeText({ max: 500, min: 1, multiline: true });

export const decisionSchema = z
  .object({
    decision: z.enum(["approve", "reject", "cancel"], { errorMap: () => ({ message: "chooseOne" }) }),
    reason,
    reserveUnitId: plainText({ max: 80, tooLong: "chooseOne" }).optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "approve" && !value.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "required" });
  });

const condition = z.enum(unitConditions, { errorMap: () => ({ message: "chooseOne" }) });

export const checkOutSchema = z.object({
  unitId: choice(),
  dueDate: plainText({ max: 10, tooLong: "invalidDate" }).optional().default(""),
  condition,
});

export const returnSchema = z.object({
  condition,
  next: z.enum(afterReturn, { errorMap: () => ({ message: "chooseOne" }) }),
  locationId: plainText({ max: 80, tooLong: "chooseOne" }).optional().default(""),
  note: reason,
});

export const unitActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), to: z.enum(["repair", "sanitise", "ready"], { errorMap: () => ({ message: "chooseOne" }) }), reason: requiredReason }),
  z.object({ intent: z.literal("transfer"), toLocationId: choice(), reason: requiredReason }),
  z.object({ intent: z.literal("writeOff"), reason: requiredReason, approver: nameText({ max: 50, min: 1 }) }),
]);

export const intakeSchema = z.object({
  typeId: choice(),
  locationId: choice(),
  quantity: z.coerce.number({ invalid_type_error: "quantity", required_error: "quantity" }).int("quantity").min(1, "quantity").max(50, "quantity"),
  condition,
  reason: requiredReason,
});

/** The stocktake's reason for its differences (the counts are read by the page, field by field). */
export const stocktakeReasonSchema = reason;
