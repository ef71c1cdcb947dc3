import { data } from "@remix-run/node";
import { draftFormFields, type DraftFormField, type DraftFormValues, type SaveDraftResult } from "~/modules/content/editorial.server";
import { draftListFields, type StaleSaveDiff } from "~/modules/content/draft-fields";

/** The console's draft form as posted: each field's text, topics and audience as lists, the revision it was made from. */
export function draftFormInput(form: FormData): { values: DraftFormValues; expectedRevision?: number } {
  const values: DraftFormValues = {};
  for (const name of draftFormFields) {
    if ((draftListFields as readonly string[]).includes(name)) values[name] = form.getAll(name).filter((v): v is string => typeof v === "string");
    else {
      const v = form.get(name);
      values[name] = typeof v === "string" ? v : "";
    }
  }
  const revision = Number(form.get("revision"));
  return { values, expectedRevision: Number.isInteger(revision) && revision > 0 ? revision : undefined };
}

/** What the page gets back from a save that did not happen: what was typed (kept), and why. */
export interface DraftFormReply {
  hasErrors: true;
  values: DraftFormValues;
  fieldErrors: Partial<Record<DraftFormField, string[]>>;
  /** Message keys under admin.editor.errors, or a rule's own sentence. */
  formErrors: Array<{ key: "conflict" | "taken" } | { text: string }>;
  /** On a conflict: the revision the form now carries is still the editor's own; this is the one saved meanwhile. */
  currentRevision?: number;
  /** On a conflict: what differs between that revision and what the editor typed. */
  staleDiff?: StaleSaveDiff;
}

/** A refused save as the form's reply (400, or 409 for a conflict), with everything the editor typed. */
export function draftFormError(values: DraftFormValues, result: Exclude<SaveDraftResult, { ok: true }>) {
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  const reply: DraftFormReply = { hasErrors: true, values, fieldErrors: {}, formErrors: [] };
  if (result.reason === "invalid") {
    reply.fieldErrors = result.fieldErrors;
    reply.formErrors = result.formErrors.map((text) => ({ text }));
  } else if (result.reason === "taken") reply.fieldErrors = { id: ["taken"] };
  else {
    reply.formErrors = [{ key: result.reason }];
    if (result.reason === "conflict") {
      reply.currentRevision = result.currentRevision;
      if (result.diff) reply.staleDiff = result.diff;
    }
  }
  return data(reply, { status: result.reason === "conflict" ? 409 : 400 });
}
