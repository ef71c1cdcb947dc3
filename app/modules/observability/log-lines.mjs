// The shape of every line the running server writes (JSON, one object a line, on stdout), shared by the workers'
// logger (logger.server.ts) and the primary process of `npm start` (scripts/workers.mjs), which loads no build.
// Plain JavaScript so that scripts/*.mjs can import it as it is, like ../assistant/index-hash.mjs.
import pino from "pino";

/** The levels LOG_LEVEL may name; anything else (or nothing) is `info`. */
export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * LOG_LEVEL, lower-cased, when it names a level; else `info`.
 * @param {Record<string, string | undefined>} [env]
 */
export function logLevel(env = process.env) {
  const level = (env.LOG_LEVEL ?? "").trim().toLowerCase();
  return logLevels.includes(level) ? level : "info";
}

/**
 * A pino logger writing `{"level":"info","time":"2026-…Z","pid":…,…,"msg":"…"}` lines synchronously to `destination`
 * (stdout by default, so nothing is lost when the process exits). `options` are pino's (mixin, hooks, a log
 * formatter); `base` adds fixed fields to every line.
 * @param {Omit<import("pino").LoggerOptions, "base"> & { base?: Record<string, unknown> }} [options]
 * @param {import("pino").DestinationStream} [destination]
 * @returns {import("pino").Logger}
 */
export function createLogLines({ base = {}, formatters = {}, ...options } = {}, destination = pino.destination({ dest: 1, sync: true })) {
  return pino(
    {
      level: logLevel(),
      base: { pid: process.pid, ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { ...formatters, level: (label) => ({ level: label }) },
      ...options,
    },
    destination,
  );
}
