import { withAudit } from "../staff/audit.server";
import { allLedger, type Actor, type Db } from "./ledger.server";
import { allLoans } from "./loans.server";

/**
 * The staff CSV exports of the lending desk: the whole ledger (台账) and every loan (phones masked). Each export is
 * audited in the transaction that reads it, so there is no export without its entry.
 */
export async function exportLedger(db: Db, actor: Actor, now: Date = new Date()) {
  return withAudit(db, actor, (trx) => allLedger(trx), { action: "devices.export.ledger" }, now);
}

export async function exportLoans(db: Db, actor: Actor, now: Date = new Date()) {
  return withAudit(db, actor, (trx) => allLoans(trx, now), { action: "devices.export.loans" }, now);
}
