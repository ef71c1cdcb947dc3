import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

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
const staffPassword = "e2e long password 123";

function createStaffUser(root: string, env: NodeJS.ProcessEnv, username: string, role: string): Promise<void> {
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}\n${log()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy in ${timeoutMs} ms\n${log()}`);
}

/**
 * Starts the real portal the way `npm start` does (building first when the sources changed) on a free port
 * with a throw-away SQLite database, for every browser test file to share.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-e2e-"));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const databaseUrl = `file:${path.join(dir, "portal.sqlite")}`;
  let output = "";
  // The server (and the build it may run) must not think it runs under Vitest: vite.config.ts drops the
  // Remix plugin when VITEST is set.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  const root = path.resolve(__dirname, "../..");
  const serverEnv: NodeJS.ProcessEnv = {
    ...env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: "0",
    NODE_ENV: "production" as const,
    PORTAL_LOCAL_RUN: "1",
  };
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await waitForHealth(baseURL, child, () => output, 170_000);

  for (const [username, role] of Object.values(staffFixtures)) await createStaffUser(root, serverEnv, username, role);

  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);
  project.provide(
    "staff",
    Object.fromEntries(Object.entries(staffFixtures).map(([key, [username]]) => [key, { username, password: staffPassword }])) as Record<
      StaffFixture,
      { username: string; password: string }
    >,
  );

  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill("SIGKILL");
    if (process.env.E2E_SERVER_LOG) fs.writeFileSync(process.env.E2E_SERVER_LOG, output);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
