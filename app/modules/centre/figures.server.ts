import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { toCsv } from "~/modules/shared/csv";
import type { FigureTable } from "./centre-constants";

/**
 * Open figures, computed from the portal's own records at the moment they are asked for (nothing stored): each table
 * is a list of (measure, value) rows. Every area's tables exist in every database (the migrations are one list and
 * all run at start), so nothing is inspected per request.
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

async function libraryFigures(db: Db): Promise<FiguresTable> {
  const byStatus = await db.selectFrom("centre_library_cards").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  const n = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  return {
    id: "library",
    rows: [
      { key: "applications", value: byStatus.reduce((sum, r) => sum + Number(r.n), 0) },
      { key: "cardsIssued", value: n("issued") },
      { key: "pending", value: n("pending") },
      { key: "refused", value: n("refused") },
    ],
  };
}

async function cinemaFigures(db: Db, t: string): Promise<FiguresTable> {
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
  return { id: "cinema", rows: [{ key: "screeningsHeld", value: held }, { key: "seatsTaken", value: Number(seats.n) }, { key: "screeningsUpcoming", value: upcoming }] };
}

async function devicesFigures(db: Db): Promise<FiguresTable> {
  const loans = await count(db.selectFrom("lending_loans").select((eb) => eb.fn.countAll<number>().as("n")).where("mode", "=", "loan"));
  const fittings = await count(db.selectFrom("lending_loans").select((eb) => eb.fn.countAll<number>().as("n")).where("mode", "=", "fitting"));
  const returned = await count(db.selectFrom("lending_loans").select((eb) => eb.fn.countAll<number>().as("n")).where("mode", "=", "loan").where("returned_at", "is not", null));
  return { id: "devices", rows: [{ key: "devicesLent", value: loans }, { key: "devicesReturned", value: returned }, { key: "devicesFitted", value: fittings }] };
}

async function activityFigures(db: Db, t: string): Promise<FiguresTable> {
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
  return { id: "activities", rows: [{ key: "activitiesHeld", value: held }, { key: "placesConfirmed", value: signups }, { key: "attended", value: attended }] };
}

async function questionFigures(db: Db): Promise<FiguresTable> {
  const asked = await count(db.selectFrom("chat_questions").select((eb) => eb.fn.countAll<number>().as("n")));
  const answered = await count(db.selectFrom("chat_questions").select((eb) => eb.fn.countAll<number>().as("n")).where("grounded", "=", 1));
  return { id: "questions", rows: [{ key: "questionsAsked", value: asked }, { key: "questionsAnswered", value: answered }] };
}

export async function computeFigures(db: Db, now = new Date()): Promise<FiguresTable[]> {
  const t = now.toISOString();
  return [await libraryFigures(db), await cinemaFigures(db, t), await devicesFigures(db), await activityFigures(db, t), await questionFigures(db)];
}

/** One table (or all) as CSV: table, measure, value, computed at. */
export function figuresCsv(tables: FiguresTable[], labels: { header: string[]; table: (id: FigureTable) => string; row: (key: string) => string }, now = new Date()): string {
  return toCsv(
    labels.header,
    tables.flatMap((tb) => tb.rows.map((r) => [labels.table(tb.id), labels.row(r.key), r.value, now.toISOString()])),
  );
}
