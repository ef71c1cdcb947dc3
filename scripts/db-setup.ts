// Migrates the database named by DATABASE_URL to the newest schema, seeds it and applies the retention period
// (idempotent), under the start-up lock: instances starting together take turns (app/modules/operations/prepare.server.ts).
// Reads the secrets first, generating them on the very first start (app/modules/security/secrets.server.ts).
import { getConnection } from "~/modules/db/index.server";
import { prepareDatabase } from "~/modules/operations/prepare.server";
import { certificateHashReport, certificateKeyWarnings, currentCertificateKeys, keyId } from "~/modules/lending/certificate.server";
import { retentionMonths } from "~/modules/privacy/retention.server";
import { certificateKeys, sessionSecretSource } from "~/modules/security/secrets.server";

const keys = currentCertificateKeys();
console.log(`secrets: session secret from ${sessionSecretSource()}; certificate key ${keyId(keys.current)} from ${certificateKeys().source}`);

const conn = getConnection();
const { applied, seeded, purged } = await prepareDatabase(conn, {
  onWait: () => console.log(`database (${conn.kind}): another instance is preparing it; waiting for it to finish`),
});
const removed = Object.entries(purged).filter(([, n]) => n > 0);
console.log(`database (${conn.kind}): ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}; ${seeded}`);
console.log(
  `retention (${retentionMonths()} months): ${removed.length ? removed.map(([name, n]) => `${name} ${n}`).join(", ") : "nothing to remove"}`,
);
const report = await certificateHashReport(conn.db, keys);
if (report.legacy > 0) {
  console.log(
    `certificate hashes: ${report.legacy} made by an earlier version, keyed with SESSION_SECRET or (where it was unset) the old development default. ` +
      "They are matched with SESSION_SECRET as set now and that default, re-keyed whenever the number is typed again, and stripped by retention in time; " +
      `if SESSION_SECRET has changed since, add the old one to ${certificateKeys().source === "CERTIFICATE_HASH_KEY" ? "CERTIFICATE_HASH_KEY_PREVIOUS" : `${certificateKeys().source} as a line after the first`} (docs/security.md, "Secrets")`,
  );
}
for (const warning of certificateKeyWarnings(report)) console.warn(`⚠️  ${warning}`);
await conn.db.destroy();
