import type { Kysely } from "kysely";
import { listUnanswered } from "~/modules/assistant/index.server";
import { listScreeningsForStaff } from "~/modules/cinema/index.server";
import type { Database } from "~/modules/db/schema";
import { countNewFeedback } from "~/modules/feedback/index.server";
import { listRequests, loanCounts } from "~/modules/lending/index.server";
import { hasRole, type StaffRole } from "~/modules/staff/roles";

/**
 * The staff dashboard's to-do list. It reads every service area, so it stands above them, not in the staff module
 * (users, sessions, roles, the audit log), which the service modules themselves import.
 */

export type TodoKey = "feedback" | "unanswered" | "requests" | "overdue" | "dueSoon" | "screenings";
export interface Todo {
  key: TodoKey;
  count: number;
  /** Locale-neutral path of the page where the work is done. */
  to: string;
}

/** What needs doing, for one staff member's roles: each area counts its own open work. */
export async function staffTodos(db: Kysely<Database>, roles: readonly StaffRole[], now = new Date()): Promise<Todo[]> {
  const todos: Todo[] = [];
  if (hasRole(roles, "content")) {
    todos.push({ key: "feedback", count: await countNewFeedback(db), to: "/admin/feedback?status=new" });
    todos.push({ key: "unanswered", count: (await listUnanswered(db, { pageSize: 1 })).total, to: "/admin/assistant" });
  }
  if (hasRole(roles, "lending")) {
    const pending = await listRequests(db, { status: "pending", pageSize: 1 }, now);
    const loans = await loanCounts(db, now);
    todos.push({ key: "requests", count: pending.total, to: "/admin/devices" });
    todos.push({ key: "overdue", count: loans.overdue, to: "/admin/devices/loans?view=overdue" });
    todos.push({ key: "dueSoon", count: loans.dueSoon, to: "/admin/devices/loans?view=dueSoon" });
  }
  if (hasRole(roles, "cinema")) {
    const weekEnd = new Date(now.getTime() + 7 * 86_400_000).toISOString();
    const upcoming = await listScreeningsForStaff(db, { when: "upcoming", pageSize: 50 }, now);
    todos.push({ key: "screenings", count: upcoming.items.filter((s) => s.startsAt <= weekEnd).length, to: "/admin/cinema" });
  }
  return todos;
}
