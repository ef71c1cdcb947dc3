import { z } from "zod";
import { freeText, nameText } from "../privacy/text-fields";
import { countyIds, forWhomOptions, homeNeeds, lowIncomeOptions } from "./home-mod-constants";

/** Form schemas of the application's steps and the staff page (server only). Errors are codes; pages turn them into sentences. */
const chooseOne = { errorMap: () => ({ message: "chooseOne" }) };

export const forWhomSchema = z.object({ forWhom: z.enum(forWhomOptions, chooseOne) });
export const personNameSchema = z.object({ name: nameText({ max: 50, min: 1 }) });
export const homeAddressSchema = z.object({
  county: z.enum(countyIds, chooseOne),
  address: freeText({ max: 200, min: 4, multiline: true }),
});
export const householdSchema = z.object({
  householdSize: z.coerce.number({ invalid_type_error: "number" }).int("number").min(1, "number").max(30, "number"),
});
export const lowIncomeSchema = z.object({ lowIncome: z.enum(lowIncomeOptions, chooseOne) });

const need = z.enum(homeNeeds);
export const needsSchema = z
  .object({
    needs: z.array(need).or(need.transform((v) => [v])).optional().default([]),
    needsOther: freeText({ max: 300, multiline: true }).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.needs.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["needs"], message: "chooseAtLeastOne" });
    if (v.needs.includes("other") && !v.needsOther) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["needsOther"], message: "required" });
  });

const localDate = z
  .string({ required_error: "required" }) // raw: only a strict date pattern passes
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate");

/** Staff: one form a step of the work, told apart by `intent`; a refusal and a failed check need their reason. */
export const homeModStaffSchema = z
  .discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("assess"), visitDate: localDate, findings: freeText({ max: 2000, min: 1, multiline: true }) }),
      z.object({ intent: z.literal("decide"), decision: z.enum(["approve", "refuse"], chooseOne), reason: freeText({ max: 500, multiline: true }).optional().default("") }),
      z.object({ intent: z.literal("start") }),
      z.object({ intent: z.literal("finish") }),
      z.object({ intent: z.literal("supervise"), supervision: z.enum(["passed", "failed"], chooseOne), supervisionNote: freeText({ max: 1000, multiline: true }).optional().default("") }),
    ],
    { errorMap: () => ({ message: "chooseOne" }) },
  )
  .superRefine((v, ctx) => {
    if (v.intent === "decide" && v.decision === "refuse" && !v.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "required" });
    if (v.intent === "supervise" && v.supervision === "failed" && !v.supervisionNote) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["supervisionNote"], message: "required" });
  });
export type HomeModStaffInput = z.infer<typeof homeModStaffSchema>;
