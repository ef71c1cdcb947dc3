// The portal's secrets from the shell (docs/security.md, "Secrets"):
//   npm run secrets -- status                  where each secret comes from; which keys the stored certificate hashes use
//   npm run secrets -- rotate session-secret   a new cookie secret; the old one stays accepted, so nobody is signed out
//   npm run secrets -- rotate certificate-key  a new certificate key; the old one stays for matching until no hash uses it
//   npm run secrets -- prune certificate-key   drops earlier certificate keys that no stored hash uses any more
// Rotation writes the file in the data directory (beside the SQLite file, or data/ for PostgreSQL); restart every
// instance afterwards, and copy the file to every other machine that serves the same database.
import { getConnection, migrateToLatest, withStartupLock } from "~/modules/db/index.server";
import { certificateHashReport, certificateKeyWarnings, currentCertificateKeys, describeCertificateHashes, keyId } from "~/modules/lending/certificate.server";
import { certificateKeySpec, loadSecret, pruneSecret, rotateSecret, sessionSecretSpec } from "~/modules/security/secrets.server";

function usage(): never {
  console.error("usage: npm run secrets -- status | rotate session-secret | rotate certificate-key | prune certificate-key");
  process.exit(2);
}

const [command, which] = process.argv.slice(2);
const conn = getConnection();
try {
  await withStartupLock(conn, () => migrateToLatest(conn.db));
  if (command === "status" && !which) {
    const session = loadSecret(sessionSecretSpec);
    const certificate = loadSecret(certificateKeySpec);
    console.log(`session secret: ${session.source}${session.previous.length ? ` (${session.previous.length} earlier one(s) still accepted)` : ""}`);
    console.log(
      `certificate key: ${certificate.source}, key id ${keyId(certificate.current)}` +
        (certificate.previous.length ? ` (earlier: ${certificate.previous.map(keyId).join(", ")})` : ""),
    );
    const report = await certificateHashReport(conn.db, currentCertificateKeys());
    console.log(`stored certificate hashes: ${describeCertificateHashes(report)}`);
    for (const warning of certificateKeyWarnings(report)) console.warn(`⚠️  ${warning}`);
  } else if (command === "rotate" && which === "session-secret") {
    // Sessions last 12 hours at most: one earlier secret is enough; two leave room for a quick second rotation.
    const secret = rotateSecret(sessionSecretSpec, { keep: 2 });
    console.log(`new session secret in ${secret.source}; the earlier one is still accepted, so signed-in staff stay signed in.`);
    console.log("Restart every instance (and copy the file to every machine that serves this database).");
  } else if (command === "rotate" && which === "certificate-key") {
    const secret = rotateSecret(certificateKeySpec);
    console.log(`new certificate key ${keyId(secret.current)} in ${secret.source}; earlier keys stay for matching: ${secret.previous.map(keyId).join(", ")}.`);
    console.log("A stored hash is re-keyed when its number is typed again; `npm run secrets -- prune certificate-key` drops keys no hash uses.");
    console.log("Restart every instance (and copy the file to every machine that serves this database).");
  } else if (command === "prune" && which === "certificate-key") {
    const report = await certificateHashReport(conn.db, currentCertificateKeys());
    // While hashes without a key id remain, any earlier key may be the one that made them: keep them all.
    const dropped = report.legacy > 0 ? [] : pruneSecret(certificateKeySpec, (key) => (report.previous[keyId(key)] ?? 0) > 0);
    console.log(dropped.length ? `dropped earlier certificate key(s) ${dropped.map(keyId).join(", ")}: no stored hash uses them.` : "nothing to drop: every earlier key still has stored hashes (or legacy hashes remain).");
  } else usage();
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await conn.db.destroy();
}
