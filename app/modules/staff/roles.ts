/** Staff roles: 管理员 (everything), 影院 (cinema), 辅具 (lending), 内容 (content and feedback). */
export const staffRoles = ["admin", "cinema", "lending", "content"] as const;
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (staffRoles as readonly string[]).includes(value);
}

export function parseRoles(stored: string): StaffRole[] {
  return stored.split(",").map((r) => r.trim()).filter(isStaffRole);
}

/** Admins may do everything; other staff what their roles name. `"any"` is any signed-in staff member. */
export function hasRole(roles: readonly StaffRole[], needed: StaffRole | "any"): boolean {
  if (needed === "any") return roles.length > 0;
  return roles.includes("admin") || roles.includes(needed);
}
