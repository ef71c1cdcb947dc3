import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseKind, defaultDatabaseUrl, sqliteFilename } from "../db/connection.server";

/**
 * The portal's two secrets (issue 12, item 6; docs/security.md, "Secrets"):
 *
 * - the **session secret** signs its cookies (staff session, display settings, the assistant's conversation);
 * - the **certificate key** keys the hashes of 残疾人证 numbers (../lending/certificate.server.ts). It is never the
 *   cookie secret: a cookie secret that leaks, or a public default, would let anyone reverse those hashes by trying
 *   every valid number.
 *
 * Each comes from its environment variable when set (`SESSION_SECRET`, `CERTIFICATE_HASH_KEY`, with earlier ones
 * in `…_PREVIOUS`, comma-separated), else from a file in the data directory — beside the SQLite file, or `data/`
 * for PostgreSQL — that the first start generates (32 random bytes, mode 0600, created atomically and never
 * overwritten, so two instances starting together agree). In the file the first secret line is the current one and
 * the lines after it are earlier ones: still accepted for cookies, still matched for certificate hashes. There is
 * no built-in default anywhere, not even for `npm run dev`.
 */
export interface SecretSpec {
  env: string;
  previousEnv: string;
  file: string;
  purpose: string;
}

export const sessionSecretSpec: SecretSpec = {
  env: "SESSION_SECRET",
  previousEnv: "SESSION_SECRET_PREVIOUS",
  file: "session-secret",
  purpose: "signs the portal's cookies",
};

export const certificateKeySpec: SecretSpec = {
  env: "CERTIFICATE_HASH_KEY",
  previousEnv: "CERTIFICATE_HASH_KEY_PREVIOUS",
  file: "certificate-hash-key",
  purpose: "keys the hashes of certificate numbers; never the cookie secret",
};

export const minimumSecretLength = 16;

export interface Secret {
  current: string;
  /** Earlier secrets, newest first: still accepted (cookies) or matched (certificate hashes), never used to sign. */
  previous: string[];
  /** Where it came from: the variable's name or the file's path. */
  source: string;
  /** True when this call generated the file. */
  generated: boolean;
}

type Env = Record<string, string | undefined>;

/** Where generated secrets live: beside the SQLite file, or `data/` (from the working directory) for PostgreSQL. */
export function secretsDirectory(env: Env = process.env): string {
  const url = env.DATABASE_URL || defaultDatabaseUrl;
  if (databaseKind(url) === "sqlite") {
    const file = sqliteFilename(url);
    if (file !== ":memory:") return path.dirname(file);
  }
  return path.resolve("data");
}

export const secretFile = (spec: SecretSpec, dir: string = secretsDirectory()) => path.join(dir, spec.file);

const newSecret = () => randomBytes(32).toString("base64url");

function fileText(spec: SecretSpec, secrets: string[], now = new Date()): string {
  return [
    `# 清远市残联服务门户 (Qingyuan Access): this secret ${spec.purpose}. Written ${now.toISOString()}.`,
    `# Keep this file private (mode 0600) and in your backups of the data directory; ${spec.env} overrides it.`,
    "# The first line below is the current secret; any after it are earlier ones (docs/security.md, \"Secrets\").",
    ...secrets,
    "",
  ].join("\n");
}

/** Creates `file` with `text` unless it exists, atomically: a half-written file is never seen, an existing one never replaced. */
function createExclusive(file: string, text: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Replaces `file` with `text` in one step (rotation: the one deliberate change of a secret file). */
function replaceAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600, flag: "wx" });
  fs.renameSync(tmp, file);
}

function secretLines(file: string): string[] {
  return fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

const splitList = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

function checkLength(value: string, where: string): string {
  if (value.length < minimumSecretLength) throw new Error(`${where}: a secret needs at least ${minimumSecretLength} characters`);
  return value;
}

/** Reads a secret from its variable or its file, generating the file on first use. */
export function loadSecret(spec: SecretSpec, env: Env = process.env, dir: string = secretsDirectory(env)): Secret {
  const fromEnv = env[spec.env]?.trim();
  if (fromEnv) {
    return {
      current: checkLength(fromEnv, spec.env),
      previous: splitList(env[spec.previousEnv]).map((s) => checkLength(s, spec.previousEnv)),
      source: spec.env,
      generated: false,
    };
  }
  const file = secretFile(spec, dir);
  let generated = false;
  if (!fs.existsSync(file)) {
    try {
      generated = createExclusive(file, fileText(spec, [newSecret()]));
    } catch (error) {
      throw new Error(`cannot write ${file} (${(error as Error).message}): make ${dir} writable, or set ${spec.env}`);
    }
  }
  const [current, ...previous] = secretLines(file);
  if (!current) throw new Error(`${file} holds no secret: delete it to generate one, or set ${spec.env}`);
  if ((fs.statSync(file).mode & 0o077) !== 0) console.warn(`⚠️  ${file} can be read by other users: chmod 600 ${file}`);
  return { current: checkLength(current, file), previous: previous.map((s) => checkLength(s, file)), source: file, generated };
}

/**
 * Rotation: a new current secret, the old one kept as the first earlier one (at most `keep` earlier ones). Only for
 * file-based secrets; with the variable set, the operator sets the new value and moves the old one to `…_PREVIOUS`.
 */
export function rotateSecret(spec: SecretSpec, options: { dir?: string; keep?: number; env?: Env } = {}): Secret {
  const env = options.env ?? process.env;
  const dir = options.dir ?? secretsDirectory(env);
  if (env[spec.env]?.trim()) throw new Error(`${spec.env} is set: set it to a new secret and move the old one to ${spec.previousEnv}`);
  const existing = loadSecret(spec, env, dir);
  const file = secretFile(spec, dir);
  const earlier = [existing.current, ...existing.previous].slice(0, options.keep ?? Number.MAX_SAFE_INTEGER);
  replaceAtomically(file, fileText(spec, [newSecret(), ...earlier]));
  return loadSecret(spec, env, dir);
}

/** Keeps only the earlier secrets `keepEarlier` accepts (pruning certificate keys no stored hash uses). */
export function pruneSecret(spec: SecretSpec, keepEarlier: (secret: string) => boolean, options: { dir?: string; env?: Env } = {}): string[] {
  const env = options.env ?? process.env;
  const dir = options.dir ?? secretsDirectory(env);
  if (env[spec.env]?.trim()) throw new Error(`${spec.env} is set: edit ${spec.previousEnv} instead`);
  const existing = loadSecret(spec, env, dir);
  const dropped = existing.previous.filter((s) => !keepEarlier(s));
  if (dropped.length) replaceAtomically(secretFile(spec, dir), fileText(spec, [existing.current, ...existing.previous.filter(keepEarlier)]));
  return dropped;
}

const loaded = new Map<SecretSpec, Secret>();
function cached(spec: SecretSpec): Secret {
  let secret = loaded.get(spec);
  if (!secret) {
    secret = loadSecret(spec);
    loaded.set(spec, secret);
    if (secret.generated) console.log(`generated a new secret in ${secret.source} (${spec.purpose})`);
  }
  return secret;
}

/** The cookie secrets, current first: Remix signs with the first and accepts every one (rotation without logouts). */
export function sessionSecrets(): string[] {
  const secret = cached(sessionSecretSpec);
  return [secret.current, ...secret.previous];
}

/** The current session secret, for anything else the portal signs. */
export function sessionSecret(): string {
  return cached(sessionSecretSpec).current;
}

/** Where the session secret came from (for start-up messages). */
export function sessionSecretSource(): string {
  return cached(sessionSecretSpec).source;
}

/** The certificate key in use, with the earlier ones. */
export function certificateKeys(): Secret {
  return cached(certificateKeySpec);
}

/**
 * Cookies are Secure whenever the request came over HTTPS — directly, or through a reverse proxy that says so
 * (`X-Forwarded-Proto`, honoured when `TRUST_PROXY` is set) — and always when an operator runs the portal with
 * NODE_ENV=production. `npm start` on a developer's machine (no NODE_ENV: PORTAL_LOCAL_RUN) over plain http keeps
 * working, since a browser drops Secure cookies sent over http.
 */
export function cookieSecure(request: Request, env: Env = process.env): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return env.NODE_ENV === "production" && env.PORTAL_LOCAL_RUN !== "1" && env.INSECURE_COOKIES !== "1";
}
