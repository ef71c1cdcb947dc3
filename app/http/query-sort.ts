import { z } from "zod";

/** A table's order: a column and a direction. The same shape the lists in modules take. */
export interface TableSort<C extends string = string> {
  column: C;
  direction: "asc" | "desc";
}

/** `?sort=` as a table's header links write it: `start` (ascending) or `start-desc`. */
export function sortParam(sort: TableSort): string {
  return sort.direction === "desc" ? `${sort.column}-desc` : sort.column;
}

/**
 * `?sort=` for a sortable staff table (docs/decisions/0011): one of the table's columns, optionally `-desc`.
 * Anything else (missing, mangled, a column the table does not sort by) is the table's default order, never an error.
 */
export function parseSort<C extends string>(search: URLSearchParams, columns: readonly [C, ...C[]], fallback: TableSort<C>): TableSort<C> {
  const schema = z
    .string()
    .regex(/^[a-zA-Z]+(-desc|-asc)?$/)
    .transform((raw) => {
      const [column, direction] = raw.split("-");
      return { column, direction: direction === "desc" ? "desc" : "asc" };
    })
    .pipe(z.object({ column: z.enum(columns), direction: z.enum(["asc", "desc"]) }));
  const parsed = schema.safeParse(search.get("sort") ?? "");
  return parsed.success ? (parsed.data as TableSort<C>) : fallback;
}
