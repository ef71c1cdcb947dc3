import { format } from "node:util";
import type { DestinationStream, Logger, LoggerOptions } from "pino";
import { describeForLog, maskForLog } from "~/modules/privacy/log.server";
import { createLogLines } from "./log-lines.mjs";
import { currentRequestId } from "./request-context.server";

/**
 * The server's log (docs/contracts.md, "Logs and metrics"): JSON lines on stdout, at LOG_LEVEL (default info), each written
 * while a request is handled carrying its `requestId` (request-context.server.ts). Nothing personal reaches a
 * line: the message and every text field go through maskForLog (personal numbers masked, percent-encoded URLs
 * read decoded first); an error is its masked stack. Read it with `jq` (README, "Logs and metrics").
 */

/**
 * The fields that are the logger's own, never masked: a request id is random, not a number anybody typed; an
 * access line's `client` is a network (log-target.ts), whose digits are no one's number either.
 */
const ownFields = new Set(["requestId", "client", "level", "time", "pid", "role"]);

/**
 * Plain ASCII with fewer than seven digits and no percent sign cannot hold a personal number (the shortest,
 * a landline without its area code, has seven digits; full-width, Chinese and other digits are not ASCII): such a
 * field (a method, a route pattern, a status text) is written as it is, without the cost of reading it.
 */
const cannotHoldNumber = (text: string) => /^[\x20-\x7e]*$/.test(text) && !text.includes("%") && (text.match(/\d/g)?.length ?? 0) < 7;

/** Every text in a value, masked; errors as their masked stack; a depth limit against cycles. */
export function maskFields(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return cannotHoldNumber(value) ? value : maskForLog(value);
  if (value instanceof Error) return maskForLog(describeForLog(value));
  if (value === null || typeof value !== "object") return value;
  if (depth > 5) return "[nested]";
  if (Array.isArray(value)) return value.map((item) => maskFields(item, depth + 1));
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) masked[key] = depth === 0 && ownFields.has(key) ? field : maskFields(field, depth + 1);
  return masked;
}

/**
 * A console-style argument list as one masked message, as console would format it (printf placeholders), but an
 * error as its stack and a value logged alone (a route error response) as describeForLog says it, on one line.
 */
export function messageOf(args: unknown[]): string {
  if (args.length === 1) return maskForLog(args[0]);
  return maskForLog(format(...args.map((arg) => (arg instanceof Error ? describeForLog(arg) : arg))));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value));

const options: Omit<LoggerOptions, "base"> = {
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  formatters: { log: (object) => maskFields(object) as Record<string, unknown> },
  hooks: {
    // logger.info({ fields }, "text %s", x): the fields masked by the formatter, the message here.
    // logger.info("text %s", x), logger.error(error), logger.warn("text", error): one message, as console writes it.
    logMethod(args, method) {
      const [first, ...rest] = args as unknown[];
      if (!isPlainObject(first)) return method.call(this, messageOf(args));
      return rest.length ? method.call(this, first, messageOf(rest)) : method.call(this, first);
    },
  },
};

/** A logger of this shape writing to `destination` (tests read what it writes). */
export function createLogger(destination?: DestinationStream): Logger {
  return createLogLines(options, destination);
}

export const logger = createLogger();

const consoleLevels = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug", trace: "debug" } as const;
const routed = new WeakSet<Console>();

/**
 * Makes every line written through `console` in the server process a log line of `target` (masked, with the
 * request id), whoever writes it: the portal's modules, Remix, a library. The server's entry module installs it
 * once; CLI scripts, which load the same modules without it, keep their human output.
 */
export function routeConsoleToLogger(target: Logger = logger, into: Console = console): void {
  if (routed.has(into)) return;
  routed.add(into);
  for (const [method, level] of Object.entries(consoleLevels)) {
    into[method as keyof typeof consoleLevels] = (...args: unknown[]) => target[level](messageOf(args));
  }
}
