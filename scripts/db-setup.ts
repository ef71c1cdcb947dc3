// Migrates the database named by DATABASE_URL to the newest schema and seeds it (idempotent).
import { getConnection, migrateToLatest } from "~/modules/db/index.server";
import { seedDatabase } from "~/modules/db/seed.server";

const { db, kind } = getConnection();
const result = await migrateToLatest(db);
const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
const seeded = await seedDatabase(db);
console.log(`database (${kind}): ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}; ${seeded}`);
await db.destroy();
