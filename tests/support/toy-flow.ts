import { z } from "zod";
import { plainText } from "~/modules/privacy/text-fields";
import { claimFlowDraft, defineFlow, type Flow } from "~/modules/flows/index.server";

/**
 * A toy flow for the engine's own tests: a pet or not → (its name, only with a pet; not counted) → e-mail → check.
 * Its submit claims the draft and makes nothing else: the reference is the record.
 */
export interface ToyAnswers {
  pet: "yes" | "no";
  petName: string;
  email: string;
}

export const submitted: string[] = [];

export const toyFlow: Flow<ToyAnswers> = defineFlow<ToyAnswers>({
  name: "toy",
  answers: z
    .object({
      pet: z.enum(["yes", "no"]),
      petName: z.string(), // raw: a test flow's stored answer
      email: z.string(), // raw: a test flow's stored answer
    })
    .partial(),
  submitLimit: "toy",
  steps: [
    { id: "pet", fields: ["pet"], schema: z.object({ pet: z.enum(["yes", "no"], { errorMap: () => ({ message: "chooseOne" }) }), website: z.string().max(0, "spam").optional() }) },
    { id: "pet-name", fields: ["petName"], schema: z.object({ petName: plainText({ max: 20, min: 1 }) }), applies: (a) => a.pet === "yes", counted: false },
    { id: "email", fields: ["email"], schema: z.object({ email: plainText({ max: 50, min: 3 }) }), intents: { none: () => ({ email: "" }) } },
  ],
  submit: async (db, draft, now): Promise<string> =>
    db.transaction().execute(async (trx) => {
      const claim = await claimFlowDraft(trx, toyFlow, draft.id, `TOY-${submitted.length + 1}-${Math.random().toString(36).slice(2, 6)}`, now);
      if (!claim) throw new Error("gone");
      if (!claim.earlier) submitted.push(claim.draft.answers.email ?? "");
      return claim.earlier ?? "made";
    }),
});
