import type { StaffRole } from "~/modules/staff/roles";
import type { PageHandle } from "./page-handle";

/**
 * Every admin page declares the role it needs. Its loader and action still call requireStaff themselves;
 * this declaration is what tests/e2e/admin-access.test.ts checks them against, for every admin route.
 */
export interface AdminHandle extends PageHandle {
  staffRole: StaffRole | "any";
}
