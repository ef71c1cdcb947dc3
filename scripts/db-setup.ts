// Migrates the database named by DATABASE_URL to the newest schema and seeds it (idempotent).
import { getConnection, migrateToLatest } from "~/modules/db/index.server";
import { seedDatabase } from "~/modules/db/seed.server";
import { purgeExpiredPersonalData, retentionMonths } from "~/modules/privacy/retention.server";

const { db, kind } = getConnection();
const result = await migrateToLatest(db);
const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
const seeded = await seedDatabase(db);
const purged = Object.entries(await purgeExpiredPersonalData(db)).filter(([, n]) => n > 0);
console.log(`database (${kind}): ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}; ${seeded}`);
console.log(
  `retention (${retentionMonths()} months): ${purged.length ? purged.map(([name, n]) => `${name} ${n}`).join(", ") : "nothing to remove"}`,
);
await db.destroy();
