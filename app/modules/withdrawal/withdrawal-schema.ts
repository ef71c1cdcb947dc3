import { z } from "zod";
import { normaliseContact } from "../feedback/feedback-schema";
import { mobilePhone, plainText } from "../privacy/text-fields";
import type { WithdrawalKind } from "./withdrawal-constants";

/**
 * The withdrawal page's form (server only): the reference, the mobile number given (the contact given, for
 * feedback), and the step: `find` shows what would be withdrawn, `withdraw` withdraws it. Errors are codes.
 */
const reference = plainText({ max: 32, min: 1, tooLong: "invalidReference" });
const intent = z.enum(["find", "withdraw"]).optional().default("find");
const contact = plainText({ max: 100, min: 1, tooLong: "invalidContact" }).refine(
  (v) => /^1[3-9]\d{9}$/.test(normaliseContact(v)) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  "invalidContact",
);

const byPhone = z.object({ reference, phone: mobilePhone(), intent }).transform((v) => ({ reference: v.reference, secret: v.phone, intent: v.intent }));
const byContact = z.object({ reference, contact, intent }).transform((v) => ({ reference: v.reference, secret: v.contact, intent: v.intent }));

export const withdrawalSchema = (kind: WithdrawalKind) => (kind === "feedback" ? byContact : byPhone);
