// Every core: the primary process of `npm start` when WEB_CONCURRENCY is not 1. It forks one worker per core
// (node:cluster; each worker runs scripts/serve.mjs, and they share the listening port), starts another when one
// dies, and on SIGTERM/SIGINT asks every worker to finish its in-flight requests and close the database, then exits.
// The build, the secrets, migrations, seed and index are done once before this runs (scripts/start.mjs).
// Its own lines are JSON log lines like the workers' (app/modules/observability/log-lines.mjs), with "role":"primary";
// with METRICS_PORT it serves every worker's metrics, added up, on that port (scripts/metrics-server.mjs).
import cluster from "node:cluster";
import os from "node:os";
import { createLogLines } from "../app/modules/observability/log-lines.mjs";
import { metricsAddress, serveMetrics } from "./metrics-server.mjs";

/** How long a worker may take to finish its in-flight requests after SIGTERM before it is stopped anyway. */
export const shutdownGraceMs = 10_000;

/**
 * WEB_CONCURRENCY: the number of workers; unset or empty, one per core; 1 is a single process without a primary.
 * @param {Record<string, string | undefined>} env
 */
export function workerCount(env = process.env) {
  const raw = (env.WEB_CONCURRENCY ?? "").trim();
  if (!raw) return os.availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) throw new Error(`WEB_CONCURRENCY="${raw}": give a whole number of workers, 1 or more`);
  return count;
}

/**
 * Forks `count` workers running `exec`. The first also runs the background jobs (the daily retention purge), so
 * they run once, not once per worker; a worker started in place of a dead one takes over its jobs.
 * A worker that dies before it ever listened is a start-up failure (a port in use, a broken build): everything
 * stops with an error, as a single process would, instead of forking again forever.
 */
export function runWorkers({ count, exec }) {
  const logger = createLogLines({ base: { role: "primary" } });
  let metrics;
  try {
    metrics = metricsAddress();
  } catch (error) {
    logger.fatal(error.message);
    process.exit(1);
  }
  cluster.setupPrimary({ exec });
  let stopping = false;
  let exitCode = 0;
  const jobsOf = new Map();
  const listened = new Set();

  const fork = (backgroundJobs) => {
    const worker = cluster.fork({ PORTAL_BACKGROUND_JOBS: backgroundJobs ? "1" : "0" });
    jobsOf.set(worker.id, backgroundJobs);
    return worker;
  };
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    // A worker stuck past its own grace period: the primary does not wait for it forever.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(1);
    }, shutdownGraceMs + 5_000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };

  cluster.on("listening", (worker) => listened.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    const backgroundJobs = jobsOf.get(worker.id) ?? false;
    jobsOf.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (!listened.has(worker.id)) {
      logger.fatal({ worker: worker.process.pid }, `worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}) before it served: stopping`);
      stop(1);
      return;
    }
    listened.delete(worker.id);
    logger.error({ worker: worker.process.pid }, `worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
    fork(backgroundJobs);
  });

  for (let i = 0; i < count; i++) fork(i === 0);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
  logger.info({ workers: count }, `${count} workers`);
  if (metrics) startMetrics(metrics, logger, () => stop(1));
}

/** Every worker's metrics in one scrape: prom-client's AggregatorRegistry asks each worker for its own and adds them up. */
async function startMetrics({ port, host }, logger, fail) {
  const { AggregatorRegistry } = (await import("prom-client")).default;
  const aggregator = new AggregatorRegistry();
  try {
    await serveMetrics({ port, host, collect: () => aggregator.clusterMetrics(), contentType: aggregator.contentType, logger });
    logger.info({ url: `http://${host}:${port}/metrics` }, "metrics listening");
  } catch (error) {
    logger.fatal({ err: error.message }, `metrics: cannot listen on ${host}:${port}`);
    fail();
  }
}
