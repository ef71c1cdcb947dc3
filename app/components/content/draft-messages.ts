import type { TFunction } from "i18next";

/** A refused save's form-level messages (a key under admin.editor.errors, or a rule's own sentence) as text. */
export function draftFormMessages(t: TFunction, errors: ReadonlyArray<{ key: "conflict" | "taken" } | { text: string }>, currentRevision?: number): string[] {
  return errors.map((e) => ("key" in e ? t(`admin.editor.errors.${e.key}`, { revision: currentRevision }) : e.text));
}
