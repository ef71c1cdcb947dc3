import { inspect } from "node:util";
import { maskPersonalData } from "./mask";

/**
 * Log lines never carry a personal number in clear: whatever is logged (an error, a request's URL, a value a
 * client sent) goes through maskPersonalData. Percent-encoded text, as URLs are logged, is read decoded first,
 * so `/x/138%201234%205678` is masked like `/x/138 1234 5678`.
 */

/** Remix's route error responses (4xx it raises itself) wrap the real error; logged as one line. */
interface RouteErrorResponseLike {
  status: number;
  statusText: string;
  internal: boolean;
  data: unknown;
  error?: Error;
}
function isRouteErrorResponse(value: unknown): value is RouteErrorResponseLike {
  return typeof value === "object" && value !== null && "status" in value && "statusText" in value && "internal" in value && "data" in value;
}

/** The text of a thrown value as a log line would show it: an error's stack, a route error response's cause. */
export function describeForLog(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (isRouteErrorResponse(value)) {
    const cause = value.error?.message ?? (typeof value.data === "string" ? value.data : inspect(value.data, { breakLength: Infinity }));
    return `${value.status} ${value.statusText}: ${cause}`;
  }
  return typeof value === "string" ? value : inspect(value, { breakLength: Infinity });
}

const percentEncoded = /(?:%[0-9A-Fa-f]{2})+/g;
function decodePercent(text: string): string {
  return text.replace(percentEncoded, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Masks a log line, or any value about to be logged. */
export function maskForLog(value: unknown): string {
  const text = describeForLog(value);
  return maskPersonalData(decodePercent(text)).text;
}
