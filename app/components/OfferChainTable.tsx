import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

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
 * came of it), one row each in the order made, the reference as each row's header. Column labels come from the page.
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
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{none}</td>
            </tr>
          ) : null}
          {rows.map((o) => (
            <tr key={`${o.reference}-${o.offeredAt}`}>
              <th scope="row">{o.reference}</th>
              <td>{o.name}</td>
              <td>{o.detail}</td>
              <td>
                <time dateTime={o.offeredAt}>{formatDateTime(o.offeredAt, locale)}</time>
              </td>
              <td>
                <time dateTime={o.expiresAt}>{formatDateTime(o.expiresAt, locale)}</time>
              </td>
              <td>
                {o.outcome}
                {o.answeredAt ? (
                  <>
                    {" "}
                    <time dateTime={o.answeredAt}>{formatDateTime(o.answeredAt, locale)}</time>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
