import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { StaffTable } from "./StaffTable";

const columnIds = ["reference", "name", "detail", "offered", "until", "outcome"];

/** One offer in a chain, in words: whose, what was held (seats, a mobile number), when, until when, and the outcome. */
export interface OfferChainRow {
  reference: string;
  name: string;
  /** The third column: the seats held (cinema), the masked mobile (activities). */
  detail: string;
  offeredAt: string;
  expiresAt: string;
  answeredAt: string | null;
  outcome: string;
}

/**
 * Staff: the chain of waiting-list offers of a screening or an activity (who was offered when, until when and what
 * came of it), one row each in the order made, the reference as each row's header, as a StaffTable. Column labels
 * come from the page.
 */
export function OfferChainTable({
  caption,
  none,
  columns,
  rows,
}: {
  caption: string;
  none: string;
  columns: [reference: string, name: string, detail: string, offered: string, until: string, outcome: string];
  rows: OfferChainRow[];
}) {
  const { locale } = useT();
  const when = (at: string) => <time dateTime={at}>{formatDateTime(at, locale)}</time>;
  return (
    <StaffTable
      caption={caption}
      emptyText={none}
      columns={columns.map((label, i) => ({ id: columnIds[i], label, isRowHeader: i === 0 }))}
      rows={rows.map((o) => ({
        id: `${o.reference}-${o.offeredAt}`,
        cells: [
          o.reference,
          o.name,
          o.detail,
          when(o.offeredAt),
          when(o.expiresAt),
          <>
            {o.outcome}
            {o.answeredAt ? <> {when(o.answeredAt)}</> : null}
          </>,
        ],
      }))}
    />
  );
}
