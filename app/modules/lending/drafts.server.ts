import { z } from "zod";
import { answersFrom, claimFlowDraft, defineFlow, firstMissing, flowDrafts, type FlowDraft } from "~/modules/flows/index.server";
import { makeReference } from "~/modules/shared/reference";
import { lendingRequests } from "~/modules/observability/metrics.server";
import { deviceTypeRow, getDeviceType } from "./catalogue.server";
import { certificateStep, storedCertificate } from "./certificate-step.server";
import { NotFound } from "./errors";
import { inTransaction, type Db } from "./ledger.server";
import { applicantCategories, type ApplicantCategory, type RequestStep } from "./lending-constants";
import { certificateSchema, contactSchema, disabilitySchema, pickupSchema, purposeSchema } from "./lending-schema";
import { insertRequest } from "./requests.server";

/**
 * A device request in progress: a guided form (app/modules/flows, docs/decisions/0014) — contact → disability →
 * certificate → purpose → pickup → check → done — its answers in a server-side draft scoped to the device, under a
 * random id that is part of each step's URL (/devices/<device>/apply/<draftId>/<step>). Works without JavaScript or
 * cookies, nothing typed is lost on an error, and the certificate number is protected (hash + masked form) as soon
 * as it is answered: not even the draft holds it in clear. Drafts expire a day after their last change.
 */
const requestAnswers = z
  .object({
    name: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    phone: z.string(), // raw: the stored answer, cleaned by contactSchema when it was given
    disability: z.enum(applicantCategories),
    certificate: storedCertificate,
    purpose: z.string(), // raw: the stored answer, cleaned by purposeSchema when it was given
    pickupLocationId: z.string(), // raw: the stored answer, one of the device's pickup points when it was given
  })
  .partial();
export type RequestAnswers = Required<z.infer<typeof requestAnswers>>;

export const requestFlow = defineFlow<RequestAnswers>({
  name: "device-request",
  answers: requestAnswers,
  submitLimit: "request",
  steps: [
    { id: "contact", fields: ["name", "phone"], schema: contactSchema },
    { id: "disability", fields: ["disability"], schema: disabilitySchema },
    certificateStep<RequestAnswers>(certificateSchema),
    { id: "purpose", fields: ["purpose"], schema: purposeSchema },
    {
      id: "pickup",
      fields: ["pickupLocationId"],
      schema: pickupSchema,
      // Only a pickup point of this device (one the public can see).
      refuse: async (value: { pickup: string }, { db, scope }) => ((await getDeviceType(db, scope)).locations.some((l) => l.locationId === value.pickup) ? null : { pickup: "chooseOne" }),
      save: (value: { pickup: string }) => ({ pickupLocationId: value.pickup }),
    },
  ],
  submit: (db, draft, now) => sendRequest(db, draft.id, now),
});

export interface Draft {
  id: string;
  typeId: string;
  name: string | null;
  phone: string | null;
  disability: ApplicantCategory | null;
  certificateAnswered: boolean;
  certificate: { hash: string; masked: string } | null;
  purpose: string | null;
  pickupLocationId: string | null;
  requestReference: string | null;
  locale: string;
}

function toDraft(d: FlowDraft<RequestAnswers>): Draft {
  return {
    id: d.id,
    typeId: d.scope,
    name: d.answers.name ?? null,
    phone: d.answers.phone ?? null,
    disability: d.answers.disability ?? null,
    certificateAnswered: d.answers.certificate !== undefined,
    certificate: d.answers.certificate ?? null,
    purpose: d.answers.purpose ?? null,
    pickupLocationId: d.answers.pickupLocationId ?? null,
    requestReference: d.reference,
    locale: d.locale,
  };
}

export type DraftPatch = Partial<Pick<Draft, "name" | "phone" | "disability" | "certificate" | "purpose" | "pickupLocationId">>;

const answersOf = (patch: DraftPatch) => answersFrom<RequestAnswers>(patch, ["certificate"]);

/**
 * The request drafts outside the pages (start route, tools, tests): `requestDrafts.start(db, { locale, scope: typeId })`
 * (NotFound for an unknown device), `.read(db, id, { scope: typeId })` (NotFound for a wrong id, another device's
 * draft, or one purged), `.save(db, id, patch)`.
 */
export const requestDrafts = flowDrafts(requestFlow, {
  view: toDraft,
  answersOf,
  gone: () => new NotFound("draft"),
  checkScope: (db, typeId) => deviceTypeRow(db, typeId),
});

/** The first step still unanswered (in order), or "check" when all are answered. */
export function firstMissingStep(draft: Draft): Exclude<RequestStep, "done"> {
  const { certificate, certificateAnswered, id: _id, typeId: _type, requestReference: _ref, locale: _locale, ...rest } = draft;
  return firstMissing(requestFlow, answersOf({ ...rest, ...(certificateAnswered ? { certificate } : {}) })) as Exclude<RequestStep, "done">;
}

/** Sends a complete draft (the same as the check page's submit). */
export async function submitDraft(db: Db, draft: Draft, now: Date = new Date()): Promise<string> {
  if (draft.requestReference) return draft.requestReference;
  return sendRequest(db, draft.id, now);
}

/**
 * Sends the request, in one transaction that first claims the draft (claimFlowDraft): a second submit of the same
 * draft waits, finds it claimed and answers with the same reference. One draft, one request, made from the draft as
 * it is now.
 */
async function sendRequest(db: Db, draftId: string, now: Date): Promise<string> {
  // Counted once committed, and only when this submit made the request (not a second submit's answer).
  let made = false;
  const sent = await inTransaction(db, async (trx) => {
    const reference = makeReference("JY");
    const claim = await claimFlowDraft(trx, requestFlow, draftId, reference, now);
    if (!claim) throw new NotFound("draft");
    if (claim.earlier) return claim.earlier;
    const current = toDraft(claim.draft);
    await insertRequest(
      trx,
      reference,
      {
        typeId: current.typeId,
        name: current.name ?? "",
        phone: current.phone ?? "",
        disability: current.disability ?? "",
        certificate: current.certificate,
        purpose: current.purpose,
        pickupLocationId: current.pickupLocationId,
        locale: current.locale,
        source: "web",
      },
      now,
    );
    made = true;
    return reference;
  });
  if (made) lendingRequests.inc({ source: "web" });
  return sent;
}
