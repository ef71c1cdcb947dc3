import type { Kysely } from "kysely";
import { seedCentre } from "~/modules/centre/index.server";
import { seedCinema } from "~/modules/cinema/index.server";
import { seedContent } from "~/modules/content/index.server";
import type { Database } from "~/modules/db/index.server";
import { seedLending } from "~/modules/lending/index.server";

/**
 * Seeds what a fresh portal needs to be useful. Each area's seed checks before it inserts, so running this
 * on every start changes nothing the second time. Areas add themselves to `seeds` as they are built.
 */
type Seed = { name: string; run: (db: Kysely<Database>) => Promise<number> };
const seeds: Seed[] = [
  { name: "cinema", run: (db) => seedCinema(db) },
  { name: "lending", run: (db) => seedLending(db) },
  { name: "centre", run: (db) => seedCentre(db) },
  { name: "content", run: (db) => seedContent(db) },
];

export async function seedDatabase(db: Kysely<Database>): Promise<string> {
  const parts: string[] = [];
  for (const seed of seeds) {
    const inserted = await seed.run(db);
    if (inserted > 0) parts.push(`${seed.name}: ${inserted}`);
  }
  return parts.length ? `seeded ${parts.join(", ")}` : "seed data present";
}
