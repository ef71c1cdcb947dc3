import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** bench/results.json: every benchmark merges its own key, with the machine and date. */
export function recordResults(key: string, value: unknown): void {
  const file = path.resolve("bench/results.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  current.machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  current[key] = { ...((value as object) ?? {}), measuredAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(current, null, 2));
}
