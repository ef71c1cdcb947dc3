// `npm start`: build if the sources changed, migrate and seed the database, build the knowledge index when
// the corpus changed, then serve: one worker per core (WEB_CONCURRENCY). Each step is skipped when it has nothing
// to do, and each runs once, before any worker starts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${path.basename(command)} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time of any file under the given paths. */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return latest;
}

export function buildIsStale() {
  const output = path.join(root, "build/server/index.js");
  if (!fs.existsSync(output)) return true;
  const sources = ["app", "public", "vite.config.ts", "remix.config.js", "package.json", "tsconfig.json"];
  return newest(sources) > fs.statSync(output).mtimeMs;
}

if (process.env.SKIP_BUILD !== "1" && buildIsStale()) {
  console.log("→ building the portal");
  run("npm", ["run", "build", "--silent"]);
}
console.log("→ preparing the secrets and the database");
run(bin("tsx"), ["scripts/db-setup.ts"]);

// The assistant's knowledge index: rebuilt only when the corpus, the glossary, the index code or the
// EMBEDDINGS setting changed (a hash of them names the saved index; checking it reads ~40 small files).
const { indexIsCurrent } = await import("../app/modules/assistant/index-hash.mjs");
if (!indexIsCurrent(root, path.join(root, "knowledge"))) {
  console.log("→ building the knowledge index");
  run(bin("tsx"), ["scripts/build-index.ts"]);
}
// A generated-answer provider that is not installed is a startup error, not a surprise on the first question.
const chatModel = (process.env.CHAT_MODEL ?? "").trim();
if (chatModel) {
  const provider = /^(ollama|openai):./.exec(chatModel)?.[1];
  const pkg = provider === "ollama" ? "@langchain/ollama" : provider === "openai" ? "@langchain/openai" : null;
  if (!pkg) {
    console.error(`✗ CHAT_MODEL="${chatModel}": use "ollama:<model>" or "openai:<model>", or leave it unset`);
    process.exit(1);
  }
  try {
    await import(pkg);
  } catch {
    console.error(`✗ CHAT_MODEL=${chatModel} needs the package ${pkg}, which is not installed (npm install ${pkg}), or unset CHAT_MODEL`);
    process.exit(1);
  }
}

// Without an explicit NODE_ENV this is someone running the portal on their own machine: a production build whose
// cookies also work over plain http on localhost. They are still Secure on every request that came over HTTPS
// (directly, or through a proxy with TRUST_PROXY set). The secrets are the same either way: generated into the
// data directory by db-setup on the first start (app/modules/security/secrets.server.ts), never a default.
if (!process.env.NODE_ENV) {
  process.env.NODE_ENV = "production";
  process.env.PORTAL_LOCAL_RUN = "1";
}
// Every core (scripts/workers.mjs): WEB_CONCURRENCY workers, one per core by default; 1 keeps a single process.
const { runWorkers, workerCount } = await import("./workers.mjs");
let workers;
try {
  workers = workerCount();
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
if (workers === 1) await import("./serve.mjs");
else runWorkers({ count: workers, exec: path.join(root, "scripts/serve.mjs") });
