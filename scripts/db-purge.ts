// npm run db:purge: removes personal records that are closed and older than RETENTION_MONTHS (default 24).
// `npm start` and the running server do this by themselves; this is for an operator's schedule or a one-off.
import { getConnection } from "~/modules/db/index.server";
import { purgeExpiredPersonalData, retentionMonths } from "~/modules/privacy/retention.server";

const { db, kind } = getConnection();
const result = await purgeExpiredPersonalData(db);
console.log(`retention purge (${kind}, ${retentionMonths()} months):`);
for (const [name, n] of Object.entries(result)) console.log(`  ${name}: ${n}`);
await db.destroy();
