import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../../src/sources/fetch/backoff.js';

describe('retry policy', () => {
  const policy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 3000 };

  it('backoffDelay doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy))).toEqual([500, 1000, 2000, 3000, 3000]);
  });

  it('parseRetryAfter reads delay-seconds and HTTP dates (RFC 9110 §10.2.3)', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('retries transient statuses only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 501].some(isRetryableStatus)).toBe(false);
  });
});
