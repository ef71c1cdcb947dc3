export { recordAudit, withAudit, listAudit, allAudit, exportAudit, cliActor, type Actor, type AuditEntry } from "./audit.server";
export { requireStaff, actorOf } from "./guard.server";
export { attemptLogin, type LoginResult } from "./login.server";
export { currentStaff, startSession, endSession, type StaffSession } from "./sessions.server";
export { createStaffUser, listStaffUsers, updateStaffUser, StaffInputError, type StaffUser } from "./users.server";
export { minimumPasswordLength } from "./passwords.server";
