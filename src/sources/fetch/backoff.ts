/**
 * Retry policy of the fetch client: which failures are worth another attempt, and how long to
 * wait before it (exponential backoff, or the server's `Retry-After` on 429/503).
 */

/** How often and how patiently the client retries. */
export interface RetryPolicy {
  /** Total attempts including the first (≥ 1). Default 4. */
  attempts: number;
  /** Delay before the first retry in ms; doubles per retry. Default 500. Tests use 1. */
  baseDelayMs: number;
  /** Upper bound of any single wait in ms (also caps `Retry-After`). Default 30 000. */
  maxDelayMs: number;
}

/** Defaults for a machine talking to CBS / PDOK over the internet. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** HTTP statuses that are transient: 408, 425, 429, 500, 502, 503, 504. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 504 && status !== 501);
}

/**
 * Wait before retry number `retry` (1 = the first retry): `baseDelayMs · 2^(retry−1)`, capped.
 * Deterministic (no jitter) so a run is reproducible.
 *
 * @example backoffDelay(3, { attempts: 4, baseDelayMs: 500, maxDelayMs: 30000 }) // 2000
 */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const d = policy.baseDelayMs * Math.pow(2, Math.max(0, retry - 1));
  return Math.min(policy.maxDelayMs, d);
}

/**
 * Parse a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
 * Returns the wait in ms (≥ 0), or `undefined` when absent or unreadable.
 *
 * @param value header value
 * @param now current time in ms since the epoch (for the date form)
 * @example parseRetryAfter('2') // 2000
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return undefined;
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}
