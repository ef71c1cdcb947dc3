// Migrates the database named by DATABASE_URL to the newest schema, seeds it and applies the retention period
// (idempotent), under the start-up lock: instances starting together take turns (app/modules/db/prepare.server.ts).
import { getConnection } from "~/modules/db/index.server";
import { prepareDatabase } from "~/modules/db/prepare.server";
import { retentionMonths } from "~/modules/privacy/retention.server";

const conn = getConnection();
const { applied, seeded, purged } = await prepareDatabase(conn, {
  onWait: () => console.log(`database (${conn.kind}): another instance is preparing it; waiting for it to finish`),
});
const removed = Object.entries(purged).filter(([, n]) => n > 0);
console.log(`database (${conn.kind}): ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}; ${seeded}`);
console.log(
  `retention (${retentionMonths()} months): ${removed.length ? removed.map(([name, n]) => `${name} ${n}`).join(", ") : "nothing to remove"}`,
);
await conn.db.destroy();
