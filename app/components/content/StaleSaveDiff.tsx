import type { TFunction } from "i18next";
import { useT } from "~/i18n/use-t";
import type { StaleSaveDiff as Diff } from "~/modules/content/draft-fields";
import { VersionDiffTable } from "./VersionHistory";

export const staleDiffHeadingId = "stale-diff-heading";

/** A field's value in words: choices by their labels, lists one after another, nothing as "(empty)". */
function shown(t: TFunction, field: Diff["fields"][number]["field"], value: string | string[]): string {
  const items = (Array.isArray(value) ? value : value.split("\n")).map((v) => v.trim()).filter(Boolean);
  if (items.length === 0) return t("admin.editor.stale.empty");
  const label = (v: string) =>
    field === "status" ? t(`policies.status.${v}`, { defaultValue: v }) : field === "topics" ? t(`policies.topics.${v}`, { defaultValue: v }) : field === "audience" ? t(`policies.audiences.${v}`, { defaultValue: v }) : v;
  return items.map(label).join(t("admin.editor.stale.listSeparator"));
}

/**
 * On a save refused because someone saved meanwhile: what differs between that version and what this editor typed,
 * the changed fields as "field: saved → yours" and the body's lines in the versions page's diff table. The error
 * summary links here; the heading takes focus from that link.
 */
export function StaleSaveDiff({ diff }: { diff: Diff }) {
  const { t } = useT();
  const revision = diff.saved;
  return (
    <section aria-labelledby={staleDiffHeadingId}>
      <h2 id={staleDiffHeadingId} tabIndex={-1}>
        {t("admin.editor.stale.title", { revision })}
      </h2>
      {diff.fields.length ? (
        <>
          <p>{t("admin.editor.stale.fieldsIntro", { revision })}</p>
          <ul>
            {diff.fields.map((f) => (
              <li key={f.field}>{t("admin.editor.stale.field", { field: t(`admin.editor.fields.${f.field}`), saved: shown(t, f.field, f.saved), yours: shown(t, f.field, f.yours) })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("admin.editor.stale.sameFields", { revision })}</p>
      )}
      {diff.sameBody ? (
        <p>{t("admin.editor.stale.sameBody", { revision })}</p>
      ) : (
        <VersionDiffTable
          from={revision}
          to={revision}
          lines={diff.body}
          labels={{ caption: t("admin.editor.stale.bodyCaption", { revision }), fromLine: t("admin.editor.history.lineIn", { revision }), toLine: t("admin.editor.stale.lineInYours") }}
        />
      )}
    </section>
  );
}
