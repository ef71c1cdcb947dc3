import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPortal } from "../support/portal-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
    staff: Record<StaffFixture, { username: string; password: string }>;
  }
}

/** Test accounts, made with the real admin CLI: one per role, plus an administrator. */
export const staffFixtures = {
  admin: ["e2e-admin", "admin"],
  content: ["e2e-content", "content"],
  cinema: ["e2e-cinema", "cinema"],
  lending: ["e2e-lending", "lending"],
} as const;
export type StaffFixture = keyof typeof staffFixtures;
export const staffPassword = "e2e long password 123";

export function createStaffUser(root: string, env: NodeJS.ProcessEnv, username: string, role: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", "create-user", username, "--role", role], {
      cwd: root,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.stdin?.end(`${staffPassword}\n`);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`admin CLI failed for ${username}: ${output}`))));
  });
}

/**
 * Starts the real portal the way `npm start` does (building first when the sources changed) on a free port
 * with a throw-away SQLite database, for every browser test file to share.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(__dirname, "../..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-e2e-"));
  const databaseUrl = `file:${path.join(dir, "portal.sqlite")}`;
  const portal = await startPortal({ DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "0" });
  const cliEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" };
  for (const [username, role] of Object.values(staffFixtures)) await createStaffUser(root, cliEnv, username, role);

  project.provide("baseURL", portal.url);
  project.provide("databaseUrl", databaseUrl);
  project.provide(
    "staff",
    Object.fromEntries(Object.entries(staffFixtures).map(([key, [username]]) => [key, { username, password: staffPassword }])) as Record<
      StaffFixture,
      { username: string; password: string }
    >,
  );

  return async () => {
    await portal.stop();
    if (process.env.E2E_SERVER_LOG) fs.writeFileSync(process.env.E2E_SERVER_LOG, portal.output());
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
