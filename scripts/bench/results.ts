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

/**
 * Replaces the lines between `<!-- <name> -->` and `<!-- /<name> -->` in docs/benchmarks.md with the given ones,
 * so the figures there are the last run's; the prose around them is written by people.
 */
export function writeDocTable(name: string, lines: string[]): void {
  const file = path.resolve("docs/benchmarks.md");
  const doc = fs.readFileSync(file, "utf8");
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    console.warn(`docs/benchmarks.md has no ${start} … ${end} block: figures not written there`);
    return;
  }
  fs.writeFileSync(file, doc.slice(0, from + start.length) + "\n" + lines.join("\n") + "\n" + doc.slice(to));
}
