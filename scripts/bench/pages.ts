// npm run bench:pages — server-rendered page throughput (autocannon) for /, a policy page and /cinema, side by
// side with a plain node:http server sending the same bytes: the ratio is what the framework costs per page.
// The two are measured in alternating one-second slices, so on a shared machine both see the same load and the
// ratio holds even when the absolute figures do not. Loopback only; bounded in time. Needs a current build.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startPortal } from "../../tests/support/portal-server";
import { allWorkersRequested, benchAllWorkers } from "./all-workers";
import { recordResults, writeDocTable } from "./results";

const seconds = Number(process.env.BENCH_SECONDS || 8);
const connections = 10;
const pages = ["/", "/policies/living-allowance-guide", "/cinema"];

interface Tally {
  requests: number;
  seconds: number;
  errors: number;
  latencies: number[];
}

/** One slice of load on one server, added to its tally. */
async function slice(url: string, tally: Tally): Promise<void> {
  const run = autocannon({ url, connections, duration: 1 });
  run.on("response", (_client, _status, _bytes, responseTime) => tally.latencies.push(responseTime));
  const result = await run;
  tally.requests += result.requests.total ?? 0;
  tally.seconds += result.duration;
  tally.errors += result.errors + result.non2xx;
}

function summary(tally: Tally) {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return { requestsPerSecond: Math.round(tally.requests / Math.max(tally.seconds, 1e-9)), p50: at(0.5), p95: at(0.95), errors: tally.errors };
}

/** CPU seconds (user + system) a process has used so far, or null where /proc is not there. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

/** One-second slices against one URL (the all-workers run's measure where the machine has no wrk). */
async function measure(url: string, slices: number) {
  const tally: Tally = { requests: 0, seconds: 0, errors: 0, latencies: [] };
  for (let i = 0; i < slices; i++) await slice(url, tally);
  return summary(tally);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-bench-"));
const portal = await startPortal({ DATABASE_URL: `file:${path.join(dir, "portal.sqlite")}`, RATE_LIMIT_PER_MINUTE: "0", SKIP_BUILD: "1" });
const rows: Array<Record<string, unknown>> = [];
try {
  for (const page of pages) {
    const response = await fetch(portal.url + page);
    const body = Buffer.from(await response.arrayBuffer());
    const plain = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      res.end(body);
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const plainUrl = `http://127.0.0.1:${(plain.address() as { port: number }).port}/`;
    const portalTally: Tally = { requests: 0, seconds: 0, errors: 0, latencies: [] };
    const plainTally: Tally = { requests: 0, seconds: 0, errors: 0, latencies: [] };
    await slice(portal.url + page, { requests: 0, seconds: 0, errors: 0, latencies: [] }); // warm-up
    let cpu = 0;
    for (let i = 0; i < seconds; i++) {
      const before = cpuSeconds(portal.child.pid);
      await slice(portal.url + page, portalTally);
      const after = cpuSeconds(portal.child.pid);
      cpu += before === null || after === null ? Number.NaN : after - before;
      await slice(plainUrl, plainTally);
    }
    plain.close();
    const remix = { ...summary(portalTally), cpuMsPerRequest: Number.isFinite(cpu) ? +((1000 * cpu) / Math.max(1, portalTally.requests)).toFixed(2) : null };
    const baseline = summary(plainTally);
    rows.push({ page, bytes: body.length, remix, plain: baseline, ratio: +(baseline.requestsPerSecond / Math.max(1, remix.requestsPerSecond)).toFixed(1) });
  }
} finally {
  await portal.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

type Row = { page: string; bytes: number; remix: { requestsPerSecond: number; p50: number; p95: number; cpuMsPerRequest: number | null; errors: number }; plain: { requestsPerSecond: number }; ratio: number };
const loadAverage = os.loadavg().map((l) => l.toFixed(1)).join(", ");
console.log(`\nServer-rendered pages, ${connections} connections, ${seconds} × 1 s slices each, alternating portal and plain, ${os.cpus().length} cores, load ${loadAverage}\n`);
console.log("page                                  bytes   portal req/s  p50 ms  p95 ms  CPU ms/req   plain req/s  ratio");
for (const r of rows as Row[]) {
  console.log(
    `${r.page.padEnd(36)} ${String(r.bytes).padStart(6)}  ${String(r.remix.requestsPerSecond).padStart(12)}  ${String(r.remix.p50).padStart(6)}  ${String(r.remix.p95).padStart(6)}  ${String(r.remix.cpuMsPerRequest ?? "–").padStart(10)}  ${String(r.plain.requestsPerSecond).padStart(12)}  ${String(r.ratio).padStart(5)}×${r.remix.errors ? `  (${r.remix.errors} errors)` : ""}`,
  );
}
recordResults("pages", { connections, seconds, loadAverage, rows });
writeDocTable("bench:pages", [
  `Last run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${connections} connections, ${seconds} one-second slices per page alternating portal and plain, one process, ${os.cpus().length} cores, load average ${loadAverage} (1, 5, 15 min) at the end; CPU is the portal process's user + system time per request:`,
  "",
  "| page | bytes | portal req/s | p50 ms | p95 ms | CPU ms/req | plain req/s | ratio |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...(rows as Row[]).map(
    (r) =>
      `| \`${r.page}\` | ${r.bytes.toLocaleString("en")} | ${r.remix.requestsPerSecond} | ${r.remix.p50} | ${r.remix.p95} | ${r.remix.cpuMsPerRequest ?? "–"} | ${r.plain.requestsPerSecond.toLocaleString("en")} | ${r.ratio}× |`,
  ),
]);
if (allWorkersRequested) await benchAllWorkers(pages, measure, { slices: seconds, connections });
