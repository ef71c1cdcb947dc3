import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { CheckboxGroupField, RadioGroupField, SelectField, TextAreaField, TextField } from "~/components/Fields";
import type { SummaryError } from "~/components/ErrorSummary";
import { BodyLivePreview } from "~/components/content/BodyLivePreview";
import { fieldId } from "~/components/form-state";
import type { MessageName } from "~/i18n/keys";
import { useT } from "~/i18n/use-t";
import { draftFormFields, type DraftArticle, type DraftFormField, type DraftFormValues } from "~/modules/content/draft-fields";
import { formatDate } from "~/i18n/format";
import { audienceIds, docStatuses, topicIds } from "~/modules/content/taxonomy";

export const draftFormId = "draft";

export const draftFieldOrder = draftFormFields;
export type DraftField = DraftFormField;
export type DraftValues = DraftFormValues;

/** The schema's messages (one schema for files and the console, its messages in English) as the page's sentences. */
const known: Array<[RegExp, MessageName<"admin.editor.errors">]> = [
  [/^must not be empty$|^is required for a /, "required"],
  [/^must be a date|^not a real date$/, "date"],
  [/^must be a URL$|^must be an https:\/\/ URL$/, "https"],
  [/^needs at least one /, "choose"],
  [/^must be kebab-case/, "idPattern"],
  [/^must be at most (\d+) characters$/, "tooLong"],
  [/^taken$/, "taken"],
  [/^is only for a repealed document$/, "onlyRepealed"],
  [/^no document "(.+)"$/, "unknownDocument"],
  [/^repealed, but says neither/, "repealedUnexplained"],
  [/^is required with `changed`/, "changeNoteNeeded"],
  [/^is required with `changeNote/, "changedNeeded"],
  [/^must not be in the future$/, "future"],
  [/^must not be before `issued`/, "beforeIssued"],
  // The body's rules (body-rules.ts, shared with knowledge:check).
  [/^#(.+): no section with this anchor in this document$/, "brokenAnchor"],
  [/^(.+?): "[^"]*" has no section #/, "brokenDocumentAnchor"],
  [/^(.+?): no document with id "/, "brokenLink"],
  [/^(.+?): link to \/policies\/<id>, an app page/, "badLink"],
  [/^(.+?): not a page of the portal$/, "unknownPage"],
  [/^"# (.+)": the title is the page's h1/, "h1InBody"],
  [/^"#+ (.+)" follows a level-\d heading/, "headingJump"],
  [/^a heading is written with underlines/, "headingSyntax"],
  [/^the body has no ## headings|^no structure lines found/, "noSections"],
  [/^heading "(.+)" comes after /, "articleOrder"],
];

export function draftErrorText(t: TFunction, field: DraftField, message: string): string {
  const label = t(`admin.editor.fields.${field}`);
  for (const [pattern, key] of known) {
    const match = pattern.exec(message);
    if (match) return t(`admin.editor.errors.${key}`, { field: label, max: match[1], value: match[1] });
  }
  return t("admin.editor.errors.other", { field: label, message });
}

/** The field messages and the error summary (form-level messages first, then each field's, linked to it). */
export function draftErrors(
  t: TFunction,
  fieldErrors: Partial<Record<DraftField, string[]>>,
  /** Sentences, or sentences with the id of what they are about (a stale save: its diff). */
  formErrors: Array<string | SummaryError>,
): { fieldErrors: Record<string, string[]>; summary: SummaryError[] } {
  // (Two schema messages can read as one sentence — "26 Oct 2018" is neither YYYY-MM-DD nor a real date: said once.)
  const byField = Object.fromEntries(draftFieldOrder.map((f) => [f, [...new Set((fieldErrors[f] ?? []).map((m) => draftErrorText(t, f, m)))]]));
  return {
    fieldErrors: byField,
    summary: [...formErrors.map((e) => (typeof e === "string" ? { text: e } : e)), ...draftFieldOrder.flatMap((f) => byField[f]!.map((text) => ({ id: fieldId(draftFormId, f), text })))],
  };
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * The draft form (a notice's front matter and its body): native controls, no JavaScript needed. The revision it was
 * made from travels in a hidden field, so a save over someone else's newer one is refused (saveDraft).
 */
export function DraftForm({
  action,
  values,
  fieldErrors,
  revision,
  isNew,
  extra,
  articles = [],
}: {
  action: string;
  values: DraftValues;
  fieldErrors: Record<string, string[]>;
  revision?: number;
  isNew: boolean;
  /** Fields of one kind of document, after the id (a new FAQ: its first question people ask). */
  extra?: ReactNode;
  /** The document's articles, for repealing one (none for a new document: nothing to repeal yet). */
  articles?: Array<DraftArticle & { repealed: { repealed: string } | null }>;
}) {
  const { t, locale } = useT();
  const repealed = articles.filter((a) => a.repealed);
  const id = (name: DraftField) => fieldId(draftFormId, name);
  const text = (name: DraftField, extra: { type?: string; hint?: boolean; lang?: string } = {}) => (
    <TextField
      id={id(name)}
      name={name}
      label={t(`admin.editor.fields.${name}`)}
      hint={extra.hint ? t(`admin.editor.hints.${name as "docNumber"}`) : undefined}
      errors={fieldErrors[name]}
      defaultValue={str(values[name])}
      type={extra.type ?? "text"}
      lang={extra.lang}
    />
  );
  const area = (name: DraftField, rows: number, hint = false) => (
    <TextAreaField
      id={id(name)}
      name={name}
      label={t(`admin.editor.fields.${name}`)}
      hint={hint ? t(`admin.editor.hints.${name as "docNumber"}`) : undefined}
      errors={fieldErrors[name]}
      defaultValue={str(values[name])}
      rows={rows}
    />
  );
  return (
    <Form method="post" action={action} id={draftFormId} noValidate>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      {isNew ? (
        text("id", { hint: true })
      ) : (
        <p>
          {t("admin.editor.fields.id")}: <code>{str(values.id)}</code>
        </p>
      )}
      {extra}
      {text("title")}
      {text("titleEn", { lang: "en" })}
      {text("issuer")}
      {text("docNumber", { hint: true })}
      {text("issued", { type: "date" })}
      {text("effective", { type: "date" })}
      <RadioGroupField
        id={id("status")}
        name="status"
        legend={t("admin.editor.fields.status")}
        errors={fieldErrors.status}
        defaultValue={str(values.status) || "current"}
        options={docStatuses.map((s) => ({ value: s, label: t(`policies.status.${s}`) }))}
      />
      {text("supersededBy", { hint: true })}
      {text("changed", { type: "date", hint: true })}
      {area("changeNote", 2, true)}
      {area("changeNoteEn", 2)}
      {text("source", { type: "url", hint: true })}
      {text("reviewed", { type: "date", hint: true })}
      {(
        [
          ["topics", topicIds.map((v) => ({ value: v, label: t(`policies.topics.${v}`) }))],
          ["audience", audienceIds.map((v) => ({ value: v, label: t(`policies.audiences.${v}`) }))],
        ] as const
      ).map(([name, options]) => (
        <CheckboxGroupField
          key={name}
          id={id(name)}
          name={name}
          legend={t(`admin.editor.fields.${name}`)}
          errors={fieldErrors[name]}
          checked={list(values[name])}
          options={[...options]}
        />
      ))}
      {area("summary", 3, true)}
      {area("summaryEn", 3)}
      {area("easyRead", 4, true)}
      {area("related", 2, true)}
      {area("body", 20, true)}
      <BodyLivePreview textareaId={id("body")} />
      {articles.length > 0 ? (
        <fieldset className="draft__repeal">
          <legend>{t("admin.editor.repealArticle.legend")}</legend>
          {repealed.length > 0 ? (
            <CheckboxGroupField
              id={id("repealedKeep")}
              name="repealedKeep"
              legend={t("admin.editor.fields.repealedKeep")}
              hint={t("admin.editor.hints.repealedKeep")}
              errors={fieldErrors.repealedKeep}
              checked={list(values.repealedKeep)}
              options={repealed.map((a) => ({ value: a.anchor, label: t("admin.editor.repealArticle.repealedOn", { heading: a.heading, date: formatDate(a.repealed!.repealed, locale) }) }))}
            />
          ) : null}
          <SelectField
            id={id("repealAnchor")}
            name="repealAnchor"
            label={t("admin.editor.fields.repealAnchor")}
            hint={t("admin.editor.hints.repealAnchor")}
            errors={fieldErrors.repealAnchor}
            defaultValue={str(values.repealAnchor)}
            placeholder={t("admin.editor.repealArticle.none")}
            options={articles.filter((a) => !a.repealed).map((a) => ({ value: a.anchor, label: a.heading }))}
          />
          {text("repealDate", { type: "date" })}
          {area("repealNote", 2)}
          {area("repealNoteEn", 2)}
          {text("repealSupersededBy", { hint: true })}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button">
          {t("admin.editor.saveDraft")}
        </button>
      </div>
    </Form>
  );
}
