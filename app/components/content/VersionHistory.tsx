import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { LocalLink } from "~/components/LocalLink";
import { StaffTable } from "~/components/StaffTable";
import { useLocale } from "~/components/use-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { DiffLine } from "~/modules/content/line-diff";

/** A version as the history lists it (editorial.server.ts, documentHistory). */
export interface HistoryRow {
  revision: number;
  createdAt: string;
  createdBy: string | null;
  origin: "seed" | "staff";
  note: string | null;
  changeNote: string | null;
  published: boolean;
  live: boolean;
  current: boolean;
}

/** The note stored with a version (a save, a publication, an import, a restore) in the page's language. */
export function versionNote(t: TFunction, note: string | null): string {
  const restored = note ? /^restored from revision (\d+)$/.exec(note) : null;
  if (restored) return t("admin.editor.history.notes.restored", { revision: restored[1] });
  switch (note) {
    case "draft":
      return t("admin.editor.history.notes.draft");
    case "approved and published":
      return t("admin.editor.history.notes.published");
    case "knowledge/":
      return t("admin.editor.history.notes.imported");
    case "removed from knowledge/":
      return t("admin.editor.history.notes.removed");
    default:
      return note ?? "";
  }
}

/**
 * A document's versions (newest first) with a form to compare any two and a button to restore each old one as a new
 * draft. Plain forms: the comparison is a GET, the restore a POST to the versions page, both without JavaScript.
 */
export function VersionHistory({ id, items, current }: { id: string; items: HistoryRow[]; current: number }) {
  const { t, locale } = useT();
  const { href } = useLocale();
  const versionsAction = href(`/admin/content/${id}/versions`);
  const previous = items.find((v) => v.revision < current)?.revision ?? current;
  const option = (v: HistoryRow) => (
    <option key={v.revision} value={v.revision}>
      {t("admin.editor.history.version", { revision: v.revision })}
    </option>
  );
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("admin.editor.history.title")}</h2>
      {items.length > 1 ? (
        <Form method="get" action={versionsAction} className="filter-form">
          <label htmlFor="history-from">{t("admin.editor.history.from")}</label>
          <select id="history-from" name="from" defaultValue={previous}>
            {items.map(option)}
          </select>
          <label htmlFor="history-to">{t("admin.editor.history.to")}</label>
          <select id="history-to" name="to" defaultValue={current}>
            {items.map(option)}
          </select>
          <button type="submit" className="button button--secondary">
            {t("admin.editor.history.compare")}
          </button>
        </Form>
      ) : null}
      <StaffTable
        caption={t("admin.editor.history.caption", { count: items.length })}
        columns={[
          { id: "version", label: t("admin.editor.history.colVersion"), isRowHeader: true },
          { id: "when", label: t("admin.editor.history.colWhen") },
          { id: "by", label: t("admin.editor.history.colBy") },
          { id: "what", label: t("admin.editor.history.colWhat") },
          { id: "actions", label: t("admin.colActions") },
        ]}
        rows={items.map((v) => ({
          id: String(v.revision),
          cells: [
            <>
              {t("admin.editor.history.version", { revision: v.revision })}
              {v.live ? <span className="meta"> {t("admin.editor.history.live")}</span> : null}
              {v.current && !v.live ? <span className="meta"> {t("admin.editor.history.current")}</span> : null}
            </>,
            <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time>,
            v.createdBy ?? (v.origin === "seed" ? t("admin.editor.bySeed") : t("admin.editor.history.byModule")),
            <>
              {versionNote(t, v.note)}
              {v.changeNote ? <span className="meta"> {t("admin.editor.history.changeNote", { note: v.changeNote })}</span> : null}
            </>,
            v.revision !== current ? (
              <>
                <LocalLink to={`/admin/content/${id}/versions?from=${v.revision}&to=${current}`}>{t("admin.editor.history.compareWithCurrent", { revision: v.revision })}</LocalLink>
                <Form method="post" action={versionsAction}>
                  <input type="hidden" name="revision" value={v.revision} />
                  <input type="hidden" name="expectedRevision" value={current} />
                  <button type="submit" className="button button--secondary">
                    {t("admin.editor.history.restore", { revision: v.revision })}
                  </button>
                </Form>
              </>
            ) : null,
          ],
        }))}
      />
    </section>
  );
}

/**
 * The lines that changed between two versions, as a table: line numbers on each side, the change in words (新增 /
 * 删除, never colour alone) and the line itself in <ins> or <del>; unchanged runs are one row that says how many.
 */
export function VersionDiffTable({
  from,
  to,
  lines,
  labels,
}: {
  from: number;
  to: number;
  lines: DiffLine[];
  /** Other words for the caption and the two line-number columns (a stale save: the saved version against "yours"). */
  labels?: { caption: string; fromLine: string; toLine: string };
}) {
  const { t } = useT();
  return (
    <div className="table-wrap">
      <table className="diff-table">
        <caption>{labels?.caption ?? t("admin.editor.history.diffCaption", { from, to })}</caption>
        <thead>
          <tr>
            <th scope="col">{labels?.fromLine ?? t("admin.editor.history.lineIn", { revision: from })}</th>
            <th scope="col">{labels?.toLine ?? t("admin.editor.history.lineIn", { revision: to })}</th>
            <th scope="col">{t("admin.editor.history.colChange")}</th>
            <th scope="col">{t("admin.editor.history.colLine")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) =>
            line.kind === "skipped" ? (
              <tr key={i}>
                <td colSpan={4} className="meta">
                  {t("admin.editor.history.skipped", { count: line.count })}
                </td>
              </tr>
            ) : (
              <tr key={i} className={`diff-table__${line.kind}`}>
                <td>{line.kind === "added" ? "" : line.oldLine}</td>
                <td>{line.kind === "removed" ? "" : line.newLine}</td>
                <td>{t(`admin.editor.history.change.${line.kind}`)}</td>
                <td className="diff-table__text">
                  {line.kind === "added" ? <ins>{line.text}</ins> : line.kind === "removed" ? <del>{line.text}</del> : line.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
