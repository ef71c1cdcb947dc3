import { sql } from "kysely";
import { getAssistantIndex } from "~/modules/assistant/vector-index.server";
import type { Connection } from "~/modules/db/connection.server";
import { indexStatus, type IndexStatus } from "~/modules/search/index.server";

/**
 * What /api/v1/ready says (docs/contracts.md): whether this instance can answer its pages and questions, so a
 * load balancer sends it traffic — the database answers a query, and the knowledge index (the search index and
 * the assistant's index) is loaded. A full disk or a read-only database is not "not ready": reads still work, and
 * /api/v1/health reports it as "degraded". Each check has a time limit: a database that hangs is a "no".
 */
export type Missing = "database" | "index";

export interface Readiness {
  ready: boolean;
  missing: Missing[];
  database: { kind: Connection["kind"]; answers: boolean };
  index: IndexStatus & { assistantChunks: number | null };
}

/** How long each check may take. */
export const readinessTimeoutMs = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function databaseAnswers(connection: Connection, ms: number): Promise<boolean> {
  try {
    await within(sql`select 1`.execute(connection.db), ms);
    return true;
  } catch {
    return false;
  }
}

/** The assistant's index: loaded (or loaded now, from data/index) within the time limit; its chunk count. */
async function assistantChunks(ms: number): Promise<number | null> {
  try {
    return (await within(getAssistantIndex(), ms)).chunks.length;
  } catch {
    return null;
  }
}

export async function checkReadiness(connection: Connection, ms = readinessTimeoutMs): Promise<Readiness> {
  const [answers, lexical, chunks] = await Promise.all([databaseAnswers(connection, ms), indexStatus().catch(() => null), assistantChunks(ms)]);
  const index = { documents: lexical?.documents ?? 0, chunks: lexical?.chunks ?? 0, builtAt: lexical?.builtAt ?? null, assistantChunks: chunks };
  const missing: Missing[] = [];
  if (!answers) missing.push("database");
  if (!index.documents || !index.chunks || !chunks) missing.push("index");
  return { ready: missing.length === 0, missing, database: { kind: connection.kind, answers }, index };
}
