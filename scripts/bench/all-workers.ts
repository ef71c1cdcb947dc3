// `npm run bench:pages -- --all-workers`: the same pages once more against `npm start` with one worker per core
// (WEB_CONCURRENCY, scripts/workers.mjs), printed beside the one-worker figures of the same run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPortal } from "../../tests/support/portal-server";
import { recordResults } from "./results";

export const allWorkersRequested = process.argv.includes("--all-workers");

export async function benchAllWorkers(
  oneWorker: Array<{ page: string; requestsPerSecond: number }>,
  measure: (url: string) => Promise<{ requestsPerSecond: number; p50: number; p95: number; errors: number }>,
): Promise<void> {
  const workers = os.availableParallelism();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-bench-workers-"));
  const portal = await startPortal({ DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1", WEB_CONCURRENCY: String(workers) });
  const rows: Array<{ page: string; oneWorker: number; allWorkers: { requestsPerSecond: number; p50: number; p95: number; errors: number }; speedup: number }> = [];
  try {
    for (const { page, requestsPerSecond } of oneWorker) {
      // Every worker renders the page a few times before it is measured (the one-worker run had its own warm-up).
      await Promise.all(Array.from({ length: 8 * workers }, () => fetch(portal.url + page).then((r) => r.arrayBuffer())));
      const all = await measure(portal.url + page);
      rows.push({ page, oneWorker: requestsPerSecond, allWorkers: all, speedup: +(all.requestsPerSecond / Math.max(1, requestsPerSecond)).toFixed(2) });
    }
  } finally {
    await portal.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nOne worker and ${workers} workers (the load generator shares the same ${os.cpus().length} cores)\n`);
  console.log("page                                  1 worker req/s  all workers req/s  p50 ms  p95 ms  speedup");
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(36)} ${String(r.oneWorker).padStart(15)}  ${String(r.allWorkers.requestsPerSecond).padStart(17)}  ${String(r.allWorkers.p50).padStart(6)}  ${String(r.allWorkers.p95).padStart(6)}  ${String(r.speedup).padStart(6)}×`,
    );
  }
  recordResults("pagesAllWorkers", { workers, rows });
}
