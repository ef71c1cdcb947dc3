import { Link, useLocation, useNavigate } from "@remix-run/react";
import { useId } from "react";
import { Cell, Column, Row, Table, TableBody, TableHeader, type SortDescriptor } from "react-aria-components";
import { sortParam, type TableSort } from "~/http/query-sort";
import { useT } from "~/i18n/use-t";
import { StaffTable, type StaffTableColumn, type StaffTableRow } from "./StaffTable";
import { useHydrated } from "./use-hydrated";

export interface SortableTableColumn extends StaffTableColumn {
  /** Whether the column sorts: its `id` is then its `?sort=` name. */
  sortable?: boolean;
}

export interface SortableTableProps {
  caption: string;
  columns: SortableTableColumn[];
  rows: StaffTableRow[];
  /** The order the server sorted the rows in (from `?sort=`, see app/http/query-sort.ts). */
  sort: TableSort;
  emptyText?: string;
}

const ariaDirection = (sort: TableSort): SortDescriptor["direction"] => (sort.direction === "desc" ? "descending" : "ascending");

/**
 * A staff table whose columns sort. The server sorts (every page of the list, not only the rows shown) and renders the
 * plain StaffTable whose sortable headers are links to `?sort=`, with `aria-sort` on the sorted one: that is the page
 * without JavaScript. After hydration the same rows render as React Aria's Table: sortable column headers that a
 * keyboard reaches with the arrow keys and sorts with Enter, announced with their sort state; sorting navigates to
 * the same `?sort=` address, so the order, the back button and a shared link agree.
 */
export function SortableTable({ caption, columns, rows, sort, emptyText }: SortableTableProps) {
  const { t } = useT();
  const hydrated = useHydrated();
  const location = useLocation();
  const navigate = useNavigate();
  const captionId = useId();
  const searchFor = (next: TableSort) => {
    const search = new URLSearchParams(location.search);
    search.set("sort", sortParam(next));
    search.delete("page");
    return `?${search}`;
  };
  const nextSort = (column: string): TableSort =>
    sort.column === column && sort.direction === "asc" ? { column, direction: "desc" } : { column, direction: "asc" };
  const arrow = (column: string) =>
    sort.column === column ? (
      <span aria-hidden="true" className="sort-arrow">
        {sort.direction === "desc" ? " ▼" : " ▲"}
      </span>
    ) : null;

  if (!hydrated) {
    return (
      <StaffTable
        caption={caption}
        columns={columns}
        rows={rows}
        emptyText={emptyText}
        className="sortable-table"
        header={(c) => ({
          ariaSort: sort.column === c.id ? ariaDirection(sort) : undefined,
          content: c.sortable ? (
            <Link to={searchFor(nextSort(c.id))} preventScrollReset>
              {c.label}
              <span className="visually-hidden">{t("admin.sortByColumn")}</span>
              {arrow(c.id)}
            </Link>
          ) : (
            c.label
          ),
        })}
      />
    );
  }

  return (
    <div className="table-wrap">
      <p className="table-caption" id={captionId}>
        {caption}
      </p>
      <Table
        className="sortable-table"
        aria-labelledby={captionId}
        sortDescriptor={{ column: sort.column, direction: ariaDirection(sort) }}
        onSortChange={(d) => navigate(searchFor({ column: String(d.column), direction: d.direction === "descending" ? "desc" : "asc" }), { preventScrollReset: true, state: { keepFocus: true } })}
      >
        <TableHeader>
          {columns.map((c) => (
            <Column key={c.id} id={c.id} isRowHeader={c.isRowHeader} allowsSorting={c.sortable}>
              {c.label}
              {arrow(c.id)}
            </Column>
          ))}
        </TableHeader>
        <TableBody renderEmptyState={emptyText ? () => emptyText : undefined}>
          {rows.map((r) => (
            <Row key={r.id} id={r.id}>
              {r.cells.map((cell, i) => (
                <Cell key={columns[i]?.id ?? i}>{cell}</Cell>
              ))}
            </Row>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
