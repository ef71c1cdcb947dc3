import type { ReactNode } from "react";

export interface StaffTableColumn {
  /** The column's key (and, in a SortableTable, its `?sort=` name). */
  id: string;
  label: string;
  /** The cell that names the row: a `th scope="row"`, so a screen reader reads it with every cell of the row. */
  isRowHeader?: boolean;
}

export interface StaffTableRow {
  id: string;
  /** One cell a column, in the columns' order. */
  cells: ReactNode[];
}

export interface StaffTableProps<C extends StaffTableColumn = StaffTableColumn> {
  /** The table's name (its `<caption>`): what the rows are, with their count where the page has it. */
  caption: string;
  columns: C[];
  rows: StaffTableRow[];
  /** The one row shown when there are none ("no offers yet"); without it an empty table is only its header. */
  emptyText?: string;
  className?: string;
  /** A header cell other than the column's label, and its `aria-sort` (SortableTable: a link to `?sort=`). */
  header?: (column: C) => { content: ReactNode; ariaSort?: "ascending" | "descending" };
}

/**
 * A staff table as every staff page draws it: a caption that names it, one header row of `th scope="col"`, the
 * column that names each row as `th scope="row"`, and an empty state as one row across all columns. Plain HTML:
 * the same without JavaScript. Sorting on the server with React Aria's Table after hydration is SortableTable,
 * which draws its no-JavaScript form with this.
 */
export function StaffTable<C extends StaffTableColumn>({ caption, columns, rows, emptyText, className, header }: StaffTableProps<C>) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const cell = header?.(c);
              return (
                <th key={c.id} scope="col" aria-sort={cell?.ariaSort}>
                  {cell ? cell.content : c.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyText ? (
            <tr>
              <td colSpan={columns.length}>{emptyText}</td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.id}>
              {r.cells.map((cell, i) =>
                columns[i]?.isRowHeader ? (
                  <th key={columns[i].id} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[i]?.id ?? i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
