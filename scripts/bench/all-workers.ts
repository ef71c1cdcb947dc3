// `npm run bench:pages -- --all-workers`: the same pages against `npm start` with one worker and with one worker per
// core (WEB_CONCURRENCY, scripts/workers.mjs), measured in alternating one-second slices so both see the same load.
// The load generator shares the machine's cores. autocannon is JavaScript and needs about a core of its own for a
// few thousand requests a second, which leaves the second worker nothing to run on. So where the machine has wrk
// (Debian's `wrk`, written in C, a fraction of the CPU per request) the comparison uses wrk, and says which it used.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startPortal } from "../../tests/support/portal-server";
import { recordResults, writeDocTable } from "./results";

export const allWorkersRequested = process.argv.includes("--all-workers");

type Measure = { requestsPerSecond: number; p50: number; p95: number; errors: number };

const run = promisify(execFile);

// wrk prints its own summary; this script makes it print one JSON line with the figures the table needs.
const wrkReport = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"errors":%d,"p50":%d,"p95":%d}\\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(95)))
end
`;

async function hasWrk(): Promise<boolean> {
  return run("wrk", ["--version"]).then(
    () => true,
    (error: NodeJS.ErrnoException & { stdout?: string }) => error.code !== "ENOENT" && String(error.stdout ?? "").includes("wrk"),
  );
}

/** The middle value, to one decimal. */
const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);

/** `slices` one-second wrk runs against one URL, summed (p50/p95 are the slices' median values). */
function wrkMeasure(script: string, connections: number) {
  return async (url: string, slices: number): Promise<Measure> => {
    let requests = 0;
    let micros = 0;
    let errors = 0;
    const p50: number[] = [];
    const p95: number[] = [];
    for (let i = 0; i < slices; i++) {
      const { stdout } = await run("wrk", ["-t1", `-c${connections}`, "-d1s", "-s", script, url]);
      const line = stdout.split("\n").find((l) => l.startsWith('{"requests"'));
      if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
      const slice = JSON.parse(line) as { requests: number; micros: number; errors: number; p50: number; p95: number };
      requests += slice.requests;
      micros += slice.micros;
      errors += slice.errors;
      p50.push(slice.p50 / 1000);
      p95.push(slice.p95 / 1000);
    }
    return { requestsPerSecond: Math.round(requests / (micros / 1e6)), p50: median(p50), p95: median(p95), errors };
  };
}

/** Slices summed: mean req/s, median p50/p95, errors added up. */
function sum(ms: Measure[]): Measure {
  return {
    requestsPerSecond: Math.round(ms.reduce((n, m) => n + m.requestsPerSecond, 0) / ms.length),
    p50: median(ms.map((m) => m.p50)),
    p95: median(ms.map((m) => m.p95)),
    errors: ms.reduce((n, m) => n + m.errors, 0),
  };
}

export async function benchAllWorkers(
  pages: string[],
  autocannonMeasure: (url: string, slices: number) => Promise<Measure>,
  { slices, connections }: { slices: number; connections: number },
): Promise<void> {
  const workers = os.availableParallelism();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-bench-workers-"));
  const script = path.join(dir, "report.lua");
  fs.writeFileSync(script, wrkReport);
  const generator = (await hasWrk()) ? "wrk" : "autocannon";
  const measure = generator === "wrk" ? wrkMeasure(script, connections) : autocannonMeasure;
  // Both with the page cache (a rush on one popular page) and without it (every request rendered: the CPU-bound
  // case a second core is for).
  const rows: Array<{ page: string; pageCache: "on" | "off"; oneWorker: Measure; allWorkers: Measure; speedup: number }> = [];
  try {
    for (const pageCache of ["on", "off"] as const) {
      const env = { RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1", PAGE_CACHE: pageCache === "on" ? "1" : "0" };
      const one = await startPortal({ ...env, DATABASE_URL: `file:${path.join(dir, `one-${pageCache}.sqlite`)}`, WEB_CONCURRENCY: "1" });
      const all = await startPortal({ ...env, DATABASE_URL: `file:${path.join(dir, `all-${pageCache}.sqlite`)}`, WEB_CONCURRENCY: String(workers) });
      try {
        for (const page of pages) {
          // Every worker renders the page a few times before it is measured.
          for (const portal of [one, all]) await Promise.all(Array.from({ length: 8 * workers }, () => fetch(portal.url + page).then((r) => r.arrayBuffer())));
          const tallies = { one: [] as Measure[], all: [] as Measure[] };
          for (let i = 0; i < slices; i++) {
            tallies.one.push(await measure(one.url + page, 1));
            tallies.all.push(await measure(all.url + page, 1));
          }
          const oneWorker = sum(tallies.one);
          const allWorkers = sum(tallies.all);
          rows.push({ page, pageCache, oneWorker, allWorkers, speedup: +(allWorkers.requestsPerSecond / Math.max(1, oneWorker.requestsPerSecond)).toFixed(2) });
        }
      } finally {
        await Promise.all([one.stop(), all.stop()]);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const loadAverage = os.loadavg().map((l) => l.toFixed(1)).join(", ");
  console.log(`\nOne worker and ${workers} workers, ${generator}, ${connections} connections, ${slices} alternating 1 s slices (the load generator shares the same ${os.cpus().length} cores; load ${loadAverage})\n`);
  console.log("page                                  cache  1 worker req/s  all workers req/s  p50 ms  p95 ms  speedup");
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(36)} ${r.pageCache.padEnd(5)}  ${String(r.oneWorker.requestsPerSecond).padStart(15)}  ${String(r.allWorkers.requestsPerSecond).padStart(17)}  ${String(r.allWorkers.p50).padStart(6)}  ${String(r.allWorkers.p95).padStart(6)}  ${String(r.speedup).padStart(6)}×`,
    );
  }
  recordResults("pagesAllWorkers", { workers, generator, connections, slices, loadAverage, rows });
  writeDocTable("bench:workers", [
    `Last run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: \`npm start\` with 1 worker and with ${workers}, ${connections} connections, ${slices} alternating one-second slices per page, load generator ${generator} on the same ${os.cpus().length} cores, with the page cache and without it (every request rendered), load average ${loadAverage} at the end:`,
    "",
    "| page | page cache | 1 worker req/s | p95 ms | all workers req/s | p95 ms | speedup |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| \`${r.page}\` | ${r.pageCache} | ${r.oneWorker.requestsPerSecond} | ${r.oneWorker.p95} | ${r.allWorkers.requestsPerSecond} | ${r.allWorkers.p95} | ${r.speedup}× |`),
  ]);
}
