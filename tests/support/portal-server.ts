import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export async function freePort(): Promise<number> {
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

/** Whether something accepts a TCP connection on the loopback port. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(port, "127.0.0.1");
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });
}

/** Sends `signal` and waits for the process to exit; one still running after 10 s is killed. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface PortalServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the real portal as `npm start` does (scripts/start.mjs), on a free loopback port, with the given
 * environment (a variable given as undefined is removed). Vitest's own variables are removed: vite.config.ts
 * drops the Remix plugin under VITEST.
 */
export async function startPortal(env: Record<string, string | undefined>, timeoutMs = 170_000): Promise<PortalServer> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  let output = "";
  // One process unless the test asks for workers (WEB_CONCURRENCY), as before npm start used every core.
  const merged = { ...base, NODE_ENV: "production", PORTAL_LOCAL_RUN: "1", HOST: "127.0.0.1", PORT: String(port), WEB_CONCURRENCY: "1", ...env };
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`portal did not start in ${timeoutMs} ms\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    output: () => output,
    // SIGTERM lets the portal finish its requests and close the database; a portal still running after 10 s is killed.
    stop: () => stopChild(child, "SIGTERM"),
  };
}

/** Starts several portals at once with the same environment; if one fails, the others are stopped and the error thrown. */
export async function startPortalsTogether(count: number, env: Record<string, string>): Promise<PortalServer[]> {
  const results = await Promise.allSettled(Array.from({ length: count }, () => startPortal(env)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (!failed) return results.map((r) => (r as PromiseFulfilledResult<PortalServer>).value);
  for (const r of results) if (r.status === "fulfilled") await r.value.stop();
  throw failed.reason;
}
