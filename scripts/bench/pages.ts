// npm run bench:pages — server-rendered page throughput (autocannon) for /, a policy page and /cinema, side by
// side with a plain node:http server sending the same bytes: the ratio is what the framework costs per page.
// Loopback only; bounded in time. Needs a current build (npm run build).
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startPortal } from "../../tests/support/portal-server";
import { allWorkersRequested, benchAllWorkers } from "./all-workers";
import { recordResults } from "./results";

const seconds = Number(process.env.BENCH_SECONDS || 8);
const connections = 10;
const pages = ["/", "/policies/living-allowance-guide", "/cinema"];

async function measure(url: string) {
  const result = await autocannon({ url, connections, duration: seconds });
  return { requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p99, errors: result.errors + result.non2xx };
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
    const remix = await measure(portal.url + page);
    const baseline = await measure(plainUrl);
    plain.close();
    rows.push({ page, bytes: body.length, remix, plain: baseline, ratio: +(baseline.requestsPerSecond / Math.max(1, remix.requestsPerSecond)).toFixed(1) });
  }
} finally {
  await portal.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`\nServer-rendered pages, ${connections} connections × ${seconds} s each, ${os.cpus().length} cores\n`);
console.log("page                                  bytes   portal req/s  p50 ms  p95 ms   plain req/s  ratio");
for (const r of rows as Array<{ page: string; bytes: number; remix: { requestsPerSecond: number; p50: number; p95: number }; plain: { requestsPerSecond: number }; ratio: number }>) {
  console.log(
    `${r.page.padEnd(36)} ${String(r.bytes).padStart(6)}  ${String(r.remix.requestsPerSecond).padStart(12)}  ${String(r.remix.p50).padStart(6)}  ${String(r.remix.p95).padStart(6)}  ${String(r.plain.requestsPerSecond).padStart(12)}  ${String(r.ratio).padStart(5)}×`,
  );
}
recordResults("pages", { connections, seconds, rows });
if (allWorkersRequested) await benchAllWorkers(rows.map((r) => ({ page: r.page as string, requestsPerSecond: (r.remix as { requestsPerSecond: number }).requestsPerSecond })), measure);
