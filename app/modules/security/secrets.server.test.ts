import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { legacyDevelopmentSecret } from "../lending/certificate.server";
import { certificateKeySpec, cookieSecure, loadSecret, pruneSecret, rotateSecret, secretFile, secretsDirectory, sessionSecretSpec } from "./secrets.server";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "qy-secrets-"));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("secrets", () => {
  it("are generated on first use into the data directory, mode 0600, random, and the same the next time", () => {
    const dir = tempDir();
    const session = loadSecret(sessionSecretSpec, {}, dir);
    const certificate = loadSecret(certificateKeySpec, {}, dir);
    expect(session).toMatchObject({ generated: true, previous: [], source: path.join(dir, "session-secret") });
    expect(certificate.source).toBe(path.join(dir, "certificate-hash-key"));
    for (const file of [session.source, certificate.source]) expect(mode(file)).toBe(0o600);
    expect(session.current).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(certificate.current).not.toBe(session.current);
    expect([session.current, certificate.current]).not.toContain(legacyDevelopmentSecret);
    expect(loadSecret(sessionSecretSpec, {}, tempDir()).current).not.toBe(session.current);
    expect(loadSecret(sessionSecretSpec, {}, dir)).toMatchObject({ current: session.current, generated: false });
  });

  it("never overwrite a file that is there, and refuse one that holds no usable secret", () => {
    const dir = tempDir();
    const file = secretFile(sessionSecretSpec, dir);
    fs.writeFileSync(file, "# mine\nan operator's own secret value\nan earlier secret value\n", { mode: 0o600 });
    expect(loadSecret(sessionSecretSpec, {}, dir)).toMatchObject({ current: "an operator's own secret value", previous: ["an earlier secret value"], generated: false });
    expect(fs.readFileSync(file, "utf8")).toContain("# mine");
    fs.writeFileSync(file, "# nothing here\n");
    expect(() => loadSecret(sessionSecretSpec, {}, dir)).toThrow(/holds no secret/);
    fs.writeFileSync(file, "short\n");
    expect(() => loadSecret(sessionSecretSpec, {}, dir)).toThrow(/at least 16/);
  });

  it("come from the environment when set, with earlier ones comma-separated, and then no file is written", () => {
    const dir = tempDir();
    const env = { SESSION_SECRET: "a secret from the environment", SESSION_SECRET_PREVIOUS: "an older secret value, an even older one!" };
    expect(loadSecret(sessionSecretSpec, env, dir)).toEqual({
      current: "a secret from the environment",
      previous: ["an older secret value", "an even older one!"],
      source: "SESSION_SECRET",
      generated: false,
    });
    expect(fs.existsSync(secretFile(sessionSecretSpec, dir))).toBe(false);
    expect(() => loadSecret(certificateKeySpec, { CERTIFICATE_HASH_KEY: "too short" }, dir)).toThrow(/CERTIFICATE_HASH_KEY.*at least 16/);
  });

  it("two processes starting at once on an empty directory agree on one secret", async () => {
    const dir = tempDir();
    const script = `import { loadSecret, sessionSecretSpec } from "./app/modules/security/secrets.server.ts"; console.log(loadSecret(sessionSecretSpec, {}, ${JSON.stringify(dir)}).current);`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--eval", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
      });
    const results = await Promise.all([run(), run()]);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe(loadSecret(sessionSecretSpec, {}, dir).current);
    expect(fs.readdirSync(dir)).toEqual(["session-secret"]);
  }, 30_000);

  it("rotate: a new current secret first, the old one kept as an earlier one, the file still 0600", () => {
    const dir = tempDir();
    const before = loadSecret(sessionSecretSpec, {}, dir);
    const after = rotateSecret(sessionSecretSpec, { dir, keep: 2, env: {} });
    expect(after.current).not.toBe(before.current);
    expect(after.previous).toEqual([before.current]);
    const third = rotateSecret(sessionSecretSpec, { dir, keep: 2, env: {} });
    const fourth = rotateSecret(sessionSecretSpec, { dir, keep: 2, env: {} });
    expect(fourth.previous).toEqual([third.current, after.current]);
    expect(mode(fourth.source)).toBe(0o600);
    expect(() => rotateSecret(sessionSecretSpec, { dir, env: { SESSION_SECRET: "set in the environment" } })).toThrow(/SESSION_SECRET_PREVIOUS/);
    const pruned = pruneSecret(sessionSecretSpec, (s) => s === third.current, { dir, env: {} });
    expect(pruned).toEqual([after.current]);
    expect(loadSecret(sessionSecretSpec, {}, dir).previous).toEqual([third.current]);
  });

  it("live beside the SQLite file, or in data/ for PostgreSQL", () => {
    expect(secretsDirectory({ DATABASE_URL: "file:/srv/portal/db/portal.sqlite" })).toBe("/srv/portal/db");
    expect(secretsDirectory({ DATABASE_URL: "postgres://u:p@db:5432/portal" })).toBe(path.resolve("data"));
    expect(secretsDirectory({})).toBe(path.resolve("data"));
  });
});

describe("Secure cookies", () => {
  const request = (url: string) => new Request(url);
  it("are Secure whenever the request came over HTTPS, whatever NODE_ENV says", () => {
    expect(cookieSecure(request("https://portal.example/login"), {})).toBe(true);
    expect(cookieSecure(request("https://portal.example/login"), { NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" })).toBe(true);
  });
  it("are not Secure over plain http on a developer's machine (npm start without NODE_ENV), so signing in still works there", () => {
    expect(cookieSecure(request("http://localhost:3000/login"), { NODE_ENV: "production", PORTAL_LOCAL_RUN: "1" })).toBe(false);
    expect(cookieSecure(request("http://localhost:5173/login"), { NODE_ENV: "development" })).toBe(false);
  });
  it("are always Secure when an operator runs with NODE_ENV=production", () => {
    expect(cookieSecure(request("http://10.0.0.5:3000/login"), { NODE_ENV: "production" })).toBe(true);
  });
});
