import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../db/schema";

/** Every draft table, and the column that names what its submit made. */
const referenceColumn = {
  flow_drafts: "reference",
} as const;
export type DraftTableName = keyof typeof referenceColumn;

export type DraftClaim<T extends DraftTableName> =
  /** This submit claimed the draft under `reference`: make the record now, in the same transaction. */
  | { row: Selectable<Database[T]>; earlier: null }
  /** An earlier submit claimed it: answer with what that one made. */
  | { row: Selectable<Database[T]>; earlier: string };

/**
 * One draft, one submit (issue 12, item 11). The first statement of a draft's submit transaction: set the draft's
 * reference only while it is still empty. A second submit of the same draft (double click, back button, a second
 * tab, another instance) waits on that write — PostgreSQL's row lock, SQLite's write lock — and then finds the
 * draft claimed. The draft is read after the claim, so the record is made from the answers as they are now.
 * Null when there is no such draft.
 */
export async function claimDraft<T extends DraftTableName>(
  trx: Transaction<Database>,
  table: T,
  id: string,
  reference: string,
  now: Date,
): Promise<DraftClaim<T> | null> {
  const column = referenceColumn[table];
  // These tables share these columns; Kysely cannot see that through a generic table name.
  const db = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const claimed = await db
    .updateTable(table as string)
    .set({ [column]: reference, updated_at: now.toISOString() })
    .where("id", "=", id)
    .where(column, "is", null)
    .executeTakeFirst();
  const row = (await db.selectFrom(table as string).selectAll().where("id", "=", id).executeTakeFirst()) as Selectable<Database[T]> | undefined;
  if (!row) return null;
  if (Number(claimed.numUpdatedRows) === 1) return { row, earlier: null };
  return { row, earlier: String((row as Record<string, unknown>)[column]) };
}
