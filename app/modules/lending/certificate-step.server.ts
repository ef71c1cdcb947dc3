import { z } from "zod";
import type { FlowStep } from "~/modules/flows/index.server";
import { protectCertificate } from "./certificate.server";

/** A certificate number as a draft keeps it: its keyed hash and masked form, never the number (or null: none given). */
export type ProtectedCertificate = { hash: string; masked: string } | null;
export const storedCertificate = z.object({ hash: z.string(), masked: z.string() }).nullable(); // raw: made by protectCertificate, never typed

/**
 * The optional 残疾人证号 step of the request flows (device request, library card): a number typed is protected at
 * once; none typed keeps the one given before (shown masked), if any; "continue without" (`intent=none`) answers none.
 */
export function certificateStep<A extends { certificate: ProtectedCertificate }>(schema: z.ZodTypeAny): FlowStep<A> {
  return {
    id: "certificate",
    fields: ["certificate"] as (keyof A & string)[],
    schema,
    save: async (value: { certificate: string }, { db, answers }) =>
      ({ certificate: value.certificate ? await protectCertificate(db, value.certificate) : (answers.certificate ?? null) }) as Partial<A>,
    intents: { none: () => ({ certificate: null }) as Partial<A> },
  };
}
