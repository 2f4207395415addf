import { setTimeout as sleep } from 'node:timers/promises';

/** How hard to try again after 429, 5xx and cut connections. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff; doubled on each further attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this (Retry-After included). */
  maxDelayMs: number;
  /** Waits of one request add up to no more than this; past it the error stands. */
  totalWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 15_000, totalWaitMs: 60_000 };

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

/**
 * Counts the attempts and waits of one request. `next()` says how long to wait before the
 * next attempt, or undefined when the request must give up.
 */
export class Backoff {
  private attempt = 0;
  private waited = 0;

  constructor(private readonly policy: RetryPolicy) {}

  next(retryAfter?: string): number | undefined {
    this.attempt += 1;
    if (this.attempt >= this.policy.attempts) return undefined;
    const asked = parseRetryAfter(retryAfter, Date.now());
    const backoff = this.policy.baseDelayMs * 2 ** (this.attempt - 1);
    const delay = asked ?? Math.min(backoff, this.policy.maxDelayMs);
    if (delay > this.policy.maxDelayMs || this.waited + delay > this.policy.totalWaitMs) return undefined;
    this.waited += delay;
    return delay;
  }

  /** A stream that made progress starts its count again. */
  reset(): void {
    this.attempt = 0;
  }

  wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return sleep(ms, undefined, { signal });
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
