/**
 * The fetch client: GET with bounded retries, exponential backoff, `Retry-After`, timeouts and
 * body validation. A failed download ends in one {@link VeerkrachtError} naming the URL, the
 * HTTP status and the number of attempts.
 */
import { VeerkrachtError } from '../../util/errors.js';
import { DEFAULT_RETRY, backoffDelay, type RetryPolicy } from './backoff.js';
import { AttemptError, getOnce, type AttemptResult } from './http.js';

/** Settings of a {@link FetchClient}. All optional. */
export interface FetchClientOptions {
  /** Retry policy (attempts, backoff base, cap). */
  retry?: Partial<RetryPolicy>;
  /** Idle timeout per attempt in ms. Default 60 000. */
  timeoutMs?: number;
  /**
   * Overall deadline per download in ms, all attempts and waits included (a server that
   * trickles bytes never trips the idle timeout). Default 3 600 000 (one hour).
   */
  deadlineMs?: number;
  /** Largest body accepted in bytes. Default 4 GiB − 1. */
  maxBytes?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** How to wait between attempts (tests record the delays instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
  /** Progress and retry notes (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

/** Options of one download. */
export interface GetOptions {
  /**
   * Check a complete body; throw to reject it (e.g. truncated JSON). A rejected body counts as
   * a failed attempt and is retried; it is never returned.
   */
  validate?: (result: AttemptResult) => void;
  /** Stream the body into this (temporary) file instead of memory. */
  toFile?: string;
}

/**
 * Thrown by a `validate` callback to reject a body; `retryable: false` for a body another
 * attempt will not fix (an HTML page where an archive was expected), so no retries are spent.
 */
export class BodyRejected extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'BodyRejected';
  }
}

/** A successful download plus how many attempts it took. */
export interface FetchResult extends AttemptResult {
  attempts: number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * HTTP GET with retries.
 *
 * @example
 * const client = new FetchClient({ retry: { attempts: 3, baseDelayMs: 200 } });
 * const r = await client.get('https://opendata.cbs.nl/ODataFeed/odata/85984NED/TableInfos?$format=json');
 */
export class FetchClient {
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: (line: string) => void;

  constructor(opts: FetchClientOptions = {}) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    if (!(this.retry.attempts >= 1)) throw new VeerkrachtError('retry attempts must be ≥ 1', { found: String(this.retry.attempts) }, 2);
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.deadlineMs = opts.deadlineMs ?? 3_600_000;
    if (!(this.deadlineMs >= 1)) throw new VeerkrachtError('the deadline must be ≥ 1 ms', { found: String(this.deadlineMs) }, 2);
    this.maxBytes = opts.maxBytes ?? 2 ** 32 - 1;
    this.maxRedirects = opts.maxRedirects ?? 5;
    this.sleep = opts.sleep ?? defaultSleep;
    this.log = opts.log ?? (() => undefined);
  }

  /**
   * Download `url`. Retries transient failures (resets, timeouts, truncated bodies, 408/429/5xx,
   * bodies rejected by `validate`) up to `retry.attempts` in total.
   *
   * @throws VeerkrachtError after the last attempt, or at once for a permanent failure (404, …)
   */
  async get(url: string, opts: GetOptions = {}): Promise<FetchResult> {
    const reasons: string[] = [];
    let lastStatus: number | undefined;
    const deadline = { at: Date.now() + this.deadlineMs, ms: this.deadlineMs };
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      let failure: AttemptError;
      try {
        const r = await getOnce(url, {
          timeoutMs: this.timeoutMs,
          deadline,
          maxBytes: this.maxBytes,
          maxRedirects: this.maxRedirects,
          toFile: opts.toFile,
        });
        if (opts.validate) {
          try {
            opts.validate(r);
          } catch (e) {
            const retryable = !(e instanceof BodyRejected && !e.retryable);
            throw new AttemptError(`invalid body: ${e instanceof Error ? e.message : String(e)}`, retryable, r.status);
          }
        }
        return { ...r, attempts: attempt };
      } catch (e) {
        if (!(e instanceof AttemptError)) throw e;
        failure = e;
      }
      reasons.push(failure.message);
      lastStatus = failure.status ?? lastStatus;
      if (!failure.retryable) {
        throw finalError(url, reasons, attempt, failure.status, 'a permanent failure, not retried');
      }
      if (attempt === this.retry.attempts) break;
      const wait = Math.min(this.retry.maxDelayMs, failure.retryAfterMs ?? backoffDelay(attempt, this.retry));
      if (Date.now() + wait >= deadline.at) {
        throw finalError(url, reasons, attempt, lastStatus, `the deadline of ${this.deadlineMs} ms (--deadline) leaves no time for another attempt`);
      }
      this.log(`  ${failure.message}; retry ${attempt}/${this.retry.attempts - 1} in ${wait} ms: ${url}`);
      await this.sleep(wait);
    }
    throw finalError(url, reasons, this.retry.attempts, lastStatus, 'giving up');
  }
}

function finalError(url: string, reasons: string[], attempts: number, status: number | undefined, why: string): VeerkrachtError {
  const last = reasons[reasons.length - 1];
  const history = reasons.length > 1 ? ` (attempts: ${reasons.join('; ')})` : '';
  const statusNote = status !== undefined ? `, last HTTP status ${status}` : '';
  return new VeerkrachtError(
    `download failed after ${attempts} attempt${attempts === 1 ? '' : 's'}${statusNote}, ${why}${history}`,
    { file: url, expected: 'a complete 2xx response', found: last },
  );
}
