import cluster from "node:cluster";
import client from "prom-client";

/**
 * The portal's Prometheus metrics (README, "Logs and metrics"), in prom-client's global registry: each worker counts its
 * own, and the primary of `npm start` adds them up for one scrape (AggregatorRegistry, scripts/workers.mjs).
 * Labels are bounded: a route is its pattern (`/cinema/:screeningId`), never a URL; nothing personal is a label.
 * Outbox delivery (issue 17) has no metric yet: there is no outbox.
 */
export const registry = client.register;


function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): client.Counter<L> {
  return (registry.getSingleMetric(name) as client.Counter<L> | undefined) ?? new client.Counter({ name, help, labelNames, registers: [registry] });
}

export const httpRequests = counter("portal_http_requests_total", "HTTP requests answered, by method, route pattern and status", ["method", "route", "status"]);

export const httpDuration =
  (registry.getSingleMetric("portal_http_request_duration_seconds") as client.Histogram<"method" | "route"> | undefined) ??
  new client.Histogram({
    name: "portal_http_request_duration_seconds",
    help: "Time from a request's arrival to the last byte of its answer, by method and route pattern",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

export const cinemaBookings = counter("portal_cinema_bookings_total", "Cinema bookings made and cancelled, by source (web, api)", ["event", "source"]);

export const lendingRequests = counter("portal_lending_requests_total", "Assistive-device lending requests made, by source (web, api)", ["source"]);

export const assistantAnswers = counter(
  "portal_assistant_answers_total",
  "Assistant replies by status (answered, no_content, off_topic, injection, too_long, personal_data_only, error) and eligibility checks (eligibility_check)",
  ["status"],
);

export const pageCache = counter("portal_page_cache_total", "Public pages answered from the cache of rendered pages (hit) or rendered (miss)", ["result"]);

let collecting = false;

/**
 * The server's part (its entry module calls it once): prom-client's process metrics (CPU, memory, event loop,
 * GC), and in a worker of `npm start` the answer to the primary's requests for this worker's metrics
 * (prom-client listens once an AggregatorRegistry exists). CLI scripts that load the counters skip both.
 */
export function collectServerMetrics(): void {
  // Once a process: the registry is prom-client's global one, and a process may load the server build more than
  // once (the browser tests import it in each test file, each a new module instance over the same prom-client).
  if (collecting || registry.getSingleMetric("process_cpu_user_seconds_total")) return;
  collecting = true;
  client.collectDefaultMetrics({ register: registry });
  if (cluster.isWorker) new client.AggregatorRegistry();
}

/** This process's metrics in the Prometheus text format. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const metricsContentType = registry.contentType;
