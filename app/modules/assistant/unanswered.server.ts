import type { Kysely } from "kysely";
import type { Database } from "~/modules/db/schema";
import { toCsv } from "~/modules/shared/csv";
import { maskPersonalData } from "~/modules/privacy/mask";
import { listUnanswered, type UnansweredFilter, type UnansweredItem } from "./assistant.server";
import type { CaseCategory, EvalCase } from "./eval-cases.server";
import { withAudit, type Actor } from "~/modules/staff/audit.server";

/**
 * The staff page of unanswered questions, as material for the evaluation and for "questions people ask": each
 * question as a draft case line (tests/fixtures/chat-eval format) and the whole list as CSV or JSONL. Questions
 * are stored masked; they are masked again here for the spellings the stored masking may have missed
 * (full-width digits, spaced or dashed groups, +86), so nothing personal reaches a page or a file.
 */

/** At most this many questions in one export (newest first). */
export const exportLimit = 1000;

export type StaffQuestion = UnansweredItem;

/** The staff view of a stored question: every personal number masked, in any spelling. */
function forStaff(item: UnansweredItem): StaffQuestion {
  return { ...item, question: maskPersonalData(item.question).text };
}

/** One page for the staff page, masked for staff. */
export async function unansweredPage(db: Kysely<Database>, options: { filter: UnansweredFilter; page: number }) {
  const result = await listUnanswered(db, options);
  return { ...result, items: result.items.map(forStaff) };
}

/** The newest `exportLimit` questions of a filter, masked, for a staff member's CSV or JSONL export (audited, like every staff export). */
export async function unansweredForExport(
  db: Kysely<Database>,
  actor: Actor,
  format: "csv" | "jsonl",
  filter: UnansweredFilter,
  now = new Date(),
): Promise<StaffQuestion[]> {
  const read = async (trx: Kysely<Database>) => {
    const items: StaffQuestion[] = [];
    for (let page = 1; items.length < exportLimit; page++) {
      const result = await listUnanswered(trx, { filter, page, pageSize: 100 });
      items.push(...result.items.map(forStaff));
      if (page >= result.pageCount) break;
    }
    return items.slice(0, exportLimit);
  };
  return withAudit(db, actor, read, { action: `assistant.export.${format}`, detail: filter }, now);
}

/** What the refusal suggests the case is (an editor checks it, and adds `must` from the guide). */
const draftOf: Record<string, { category: CaseCategory; expect: EvalCase["expect"] }> = {
  off_topic: { category: "offtopic", expect: "refuse" },
  injection: { category: "injection", expect: "refuse" },
  personal_data_only: { category: "personal", expect: "any" },
};

/** A draft evaluation case for a question (the case format of tests/fixtures/chat-eval/*.jsonl). */
export function draftCase(item: StaffQuestion): EvalCase {
  const { category, expect } = draftOf[item.status] ?? { category: "colloquial", expect: "answer" };
  return {
    id: `u-${item.id.replace(/[^A-Za-z0-9]/g, "").slice(0, 8)}`,
    category,
    q: item.question,
    ...(item.locale === "en" ? { locale: "en" as const } : {}),
    expect,
  };
}

export function draftCaseLine(item: StaffQuestion): string {
  return JSON.stringify(draftCase(item));
}

/** The questions as JSONL draft cases, one a line. */
export function unansweredJsonl(items: StaffQuestion[]): string {
  return items.map((item) => `${draftCaseLine(item)}\n`).join("");
}

/** The questions as CSV: when, language, why, whether rated helpful, the masked question and its draft case. */
export function unansweredCsv(items: StaffQuestion[], header: string[]): string {
  return toCsv(
    header,
    items.map((i) => [i.createdAt, i.locale, i.status, i.helpful === null ? "" : i.helpful ? "1" : "0", i.question, draftCaseLine(i)]),
  );
}

/** Column names of the CSV, as keys under assistant.admin.csv (the route localizes them). */
export const csvColumns = ["asked", "locale", "status", "helpful", "question", "draftCase"] as const;
