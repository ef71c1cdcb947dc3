// The metrics listener (README, "Logs and metrics"): Prometheus text at GET /metrics on METRICS_PORT, bound to METRICS_HOST
// (127.0.0.1 unless set), never on the public port. Unset METRICS_PORT: no listener. Under several workers the
// primary (scripts/workers.mjs) serves it with every worker's metrics added up; a single process serves its own
// (scripts/serve.mjs).
import http from "node:http";

/**
 * Where the metrics listener listens, or null when METRICS_PORT is unset or empty.
 * @param {Record<string, string | undefined>} env
 */
export function metricsAddress(env = process.env) {
  const raw = (env.METRICS_PORT ?? "").trim();
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`METRICS_PORT="${raw}": give a port number (1 to 65535), or leave it unset`);
  return { port, host: (env.METRICS_HOST ?? "").trim() || "127.0.0.1" };
}

/**
 * Serves `collect()` (Prometheus text in `contentType`) at GET /metrics; anything else is 404, a failed collection
 * 500. Resolves once listening; rejects when the address cannot be had (a port in use).
 * @param {{ port: number, host: string, collect: () => Promise<string>, contentType: string, logger: { error: (fields: object, msg: string) => void } }} options
 */
export function serveMetrics({ port, host, collect, contentType, logger }) {
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not Found\n");
      return;
    }
    try {
      const text = await collect();
      res.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" }).end(req.method === "HEAD" ? undefined : text);
    } catch (error) {
      logger.error({ err: String(error?.message ?? error) }, "metrics: collecting failed");
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("metrics unavailable\n");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
