/** Retries: the n-th failed attempt waits base × 2^(n-1), capped; after `maxAttempts` the message has failed. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 6 * 60 * 60_000 };

/** How long to wait after the given number of attempts (1 = the first attempt failed). */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}
