import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Connection } from "../db/index.server";
import { maskForLog } from "../privacy/log.server";
import { defaultRetryPolicy, type RetryPolicy } from "./backoff";
import type { Channels } from "./channels/channel";
import { channelsFromEnv } from "./channels/channels-from-env.server";
import { defaultLeaseMs, deliverDueMessages, type DeliveryOptions } from "./delivery.server";
import { quietHoursFromEnv } from "./quiet-hours";

type Env = Record<string, string | undefined>;

export interface MessageWorker {
  readonly workerId: string;
  /** Runs one round now (and again while a full batch came back); resolves when done. */
  runOnce(): Promise<void>;
  /** Stops the loop; resolves when a round in progress has finished. */
  stop(): Promise<void>;
}

function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}="${raw}": give a positive number`);
  return value;
}

/** The delivery settings from the environment (README, "Configuration"). */
export function deliverySettingsFromEnv(env: Env = process.env): { intervalMs: number; leaseMs: number; retry: RetryPolicy } {
  return {
    intervalMs: positiveNumber(env, "MESSAGE_INTERVAL_MS", 10_000),
    leaseMs: positiveNumber(env, "MESSAGE_LEASE_MS", defaultLeaseMs),
    retry: {
      maxAttempts: Math.floor(positiveNumber(env, "MESSAGE_MAX_ATTEMPTS", defaultRetryPolicy.maxAttempts)),
      baseDelayMs: positiveNumber(env, "MESSAGE_RETRY_BASE_MS", defaultRetryPolicy.baseDelayMs),
      maxDelayMs: defaultRetryPolicy.maxDelayMs,
    },
  };
}

/**
 * The delivery loop: every `intervalMs` one round of `deliverDueMessages`. One loop per server process is safe
 * however many processes and instances share the database: every message is leased before it is sent, and only
 * the lease holder marks it sent. Rounds never overlap within a loop.
 */
export function startMessageWorker(
  getConnection: () => Pick<Connection, "db" | "kind">,
  options: {
    channels?: Channels;
    env?: Env;
    intervalMs?: number;
    /** Periodic work run at the start of each round (the waiting-list offer sweep), so what it queues goes out in that round. */
    beforeRound?: (now: Date) => Promise<unknown>;
  } & Partial<Omit<DeliveryOptions, "channels" | "workerId">> = {},
): MessageWorker {
  const env = options.env ?? process.env;
  const settings = deliverySettingsFromEnv(env);
  const channels = options.channels ?? channelsFromEnv(env);
  const quietHours = options.quietHours === undefined ? quietHoursFromEnv(env) : options.quietHours;
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 20;
  let running: Promise<void> | null = null;
  let stopped = false;

  const round = async () => {
    if (options.beforeRound) {
      await options.beforeRound(options.now?.() ?? new Date()).catch((error) => console.error(`background sweep failed: ${maskForLog(error)}`));
    }
    for (;;) {
      const result = await deliverDueMessages(getConnection(), {
        workerId,
        channels,
        batchSize,
        leaseMs: options.leaseMs ?? settings.leaseMs,
        retry: options.retry ?? settings.retry,
        quietHours,
        now: options.now,
      });
      const handled = result.sent + result.retrying + result.failed + result.postponed;
      if (stopped || handled < batchSize) return;
    }
  };
  const runOnce = () => {
    running ??= round()
      .catch((error) => console.error(`message delivery failed: ${maskForLog(error)}`))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? settings.intervalMs);
  timer.unref?.();
  return {
    workerId,
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
