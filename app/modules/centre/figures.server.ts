import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { existingTables } from "../db/backup.server";
import { toCsv } from "~/modules/shared/csv";
import type { FigureTable } from "./centre-constants";

/**
 * Open figures, computed from the portal's own records at the moment they are asked for (nothing stored): each table
 * is a list of (measure, value) rows. A table whose records do not exist in this database (an area not installed)
 * is left out rather than shown as zero.
 */
type Db = Kysely<Database>;

export interface FigureRow {
  key: string;
  value: number;
}
export interface FiguresTable {
  id: FigureTable;
  rows: FigureRow[];
}

const count = async (q: { executeTakeFirstOrThrow: () => Promise<{ n: number | string | bigint }> }) => Number((await q.executeTakeFirstOrThrow()).n);

export async function computeFigures(db: Db, now = new Date()): Promise<FiguresTable[]> {
  const present = new Set(await existingTables(db));
  const t = now.toISOString();
  const tables: FiguresTable[] = [];

  if (present.has("centre_library_cards")) {
    const byStatus = await db.selectFrom("centre_library_cards").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
    const n = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
    tables.push({
      id: "library",
      rows: [
        { key: "applications", value: byStatus.reduce((sum, r) => sum + Number(r.n), 0) },
        { key: "cardsIssued", value: n("issued") },
        { key: "pending", value: n("pending") },
        { key: "refused", value: n("refused") },
      ],
    });
  }

  if (present.has("cinema_screenings") && present.has("cinema_bookings")) {
    const held = await count(db.selectFrom("cinema_screenings").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "scheduled").where("starts_at", "<", t));
    const seats = await db
      .selectFrom("cinema_bookings as b")
      .innerJoin("cinema_screenings as s", "s.id", "b.screening_id")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("b.tickets"), eb.lit(0)).as("n"))
      .where("s.status", "=", "scheduled")
      .where("s.starts_at", "<", t)
      .where("b.status", "!=", "cancelled")
      .executeTakeFirstOrThrow();
    const upcoming = await count(db.selectFrom("cinema_screenings").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "scheduled").where("starts_at", ">=", t));
    tables.push({ id: "cinema", rows: [{ key: "screeningsHeld", value: held }, { key: "seatsTaken", value: Number(seats.n) }, { key: "screeningsUpcoming", value: upcoming }] });
  }

  if (present.has("lending_loans")) {
    const loans = await count(db.selectFrom("lending_loans").select((eb) => eb.fn.countAll<number>().as("n")).where("mode", "=", "loan"));
    const fittings = await count(db.selectFrom("lending_loans").select((eb) => eb.fn.countAll<number>().as("n")).where("mode", "=", "fitting"));
    const returned = await count(db.selectFrom("lending_loans").select((eb) => eb.fn.countAll<number>().as("n")).where("mode", "=", "loan").where("returned_at", "is not", null));
    tables.push({ id: "devices", rows: [{ key: "devicesLent", value: loans }, { key: "devicesReturned", value: returned }, { key: "devicesFitted", value: fittings }] });
  }

  if (present.has("centre_activities")) {
    const held = await count(db.selectFrom("centre_activities").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "published").where("starts_at", "<", t));
    const signups = await count(
      db
        .selectFrom("centre_signups as s")
        .innerJoin("centre_activities as a", "a.id", "s.activity_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("a.status", "=", "published")
        .where("a.starts_at", "<", t)
        .where("s.status", "=", "confirmed"),
    );
    const attended = await count(
      db
        .selectFrom("centre_signups as s")
        .innerJoin("centre_activities as a", "a.id", "s.activity_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("a.starts_at", "<", t)
        .where("s.attended", "=", 1),
    );
    tables.push({ id: "activities", rows: [{ key: "activitiesHeld", value: held }, { key: "placesConfirmed", value: signups }, { key: "attended", value: attended }] });
  }

  if (present.has("chat_questions")) {
    const asked = await count(db.selectFrom("chat_questions").select((eb) => eb.fn.countAll<number>().as("n")));
    const answered = await count(db.selectFrom("chat_questions").select((eb) => eb.fn.countAll<number>().as("n")).where("grounded", "=", 1));
    tables.push({ id: "questions", rows: [{ key: "questionsAsked", value: asked }, { key: "questionsAnswered", value: answered }] });
  }
  return tables;
}

/** One table (or all) as CSV: table, measure, value, computed at. */
export function figuresCsv(tables: FiguresTable[], labels: { header: string[]; table: (id: FigureTable) => string; row: (key: string) => string }, now = new Date()): string {
  return toCsv(
    labels.header,
    tables.flatMap((tb) => tb.rows.map((r) => [labels.table(tb.id), labels.row(r.key), r.value, now.toISOString()])),
  );
}
