/**
 * One HTTP GET attempt with node:http / node:https: idle timeout, overall deadline, redirects, a
 * size limit and a completeness check (a body shorter than its Content-Length or cut off mid-transfer is a
 * failed attempt, never a result). Retries live in client.ts.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { isRetryableStatus, parseRetryAfter } from './backoff.js';

/** Options of a single attempt. */
export interface AttemptOptions {
  /** Idle timeout in ms (connecting, or silence between chunks). */
  timeoutMs: number;
  /**
   * Overall deadline: the time (Date.now() ms) by which the body must be complete, and the
   * budget in ms it came from (for the message). A server trickling bytes slower than the idle
   * timeout notices is cut off here. Not retryable.
   */
  deadline?: { at: number; ms: number };
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Redirects followed at most. */
  maxRedirects: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Stream the body into this file instead of memory (the caller owns and cleans it up). */
  toFile?: string;
}

/** A complete 2xx response. */
export interface AttemptResult {
  /** URL that finally answered (after redirects). */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, when not streamed to a file. */
  body?: Buffer;
  /** Body length in bytes. */
  bytes: number;
  /** SHA-256 of the body (hex). */
  sha256: string;
}

/** Why an attempt failed, and whether another attempt may help. */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AttemptError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Perform one GET, following redirects. Resolves with a complete 2xx body; rejects with an
 * {@link AttemptError} (status errors, resets, timeouts, truncation, size limit).
 *
 * @param url absolute http(s) URL
 * @param opts timeouts and limits
 */
export async function getOnce(url: string, opts: AttemptOptions): Promise<AttemptResult> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const r = await hopOnce(current, opts);
    if ('location' in r) {
      if (hop >= opts.maxRedirects) throw new AttemptError(`more than ${opts.maxRedirects} redirects`, false, r.status);
      current = new URL(r.location, current).toString();
      continue;
    }
    return r;
  }
}

function hopOnce(url: string, opts: AttemptOptions): Promise<AttemptResult | { status: number; location: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new AttemptError(`not a valid URL`, false));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return Promise.reject(new AttemptError(`unsupported protocol ${parsed.protocol} (expected http or https)`, false));
  }
  const lib = parsed.protocol === 'https:' ? https : http;
  const left = opts.deadline !== undefined ? opts.deadline.at - Date.now() : Infinity;
  if (left <= 0) return Promise.reject(deadlineError(opts.deadline!.ms));
  return new Promise((resolveHop, reject) => {
    let settled = false;
    let fd: number | undefined;
    let deadlineTimer: NodeJS.Timeout | undefined;
    const resolve = (v: AttemptResult | { status: number; location: string }) => {
      if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
      resolveHop(v);
    };
    const fail = (e: AttemptError) => {
      if (settled) return;
      settled = true;
      if (deadlineTimer !== undefined) clearTimeout(deadlineTimer);
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      req.destroy();
      reject(e);
    };
    const req = lib.get(
      parsed,
      { headers: { 'user-agent': 'veerkracht-fetch', accept: '*/*', ...opts.headers }, agent: false },
      (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status) && res.headers.location) {
          res.resume();
          settled = true;
          resolve({ status, location: res.headers.location });
          return;
        }
        if (status < 200 || status > 299) {
          // Keep a short excerpt of the error body for the message.
          let excerpt = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            if (excerpt.length < 200) excerpt += c;
          });
          const done = () =>
            fail(
              new AttemptError(
                `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}${
                  excerpt.trim() ? ` (${excerpt.trim().slice(0, 120).replace(/\s+/g, ' ')})` : ''
                }`,
                isRetryableStatus(status),
                status,
                status === 429 || status === 503 ? parseRetryAfter(res.headers['retry-after']) : undefined,
              ),
            );
          res.on('end', done);
          res.on('error', done);
          res.on('close', done);
          return;
        }
        const declared = res.headers['content-length'] !== undefined ? Number(res.headers['content-length']) : undefined;
        if (declared !== undefined && declared > opts.maxBytes) {
          fail(new AttemptError(`response of ${declared} bytes exceeds the limit of ${opts.maxBytes}`, false, status));
          return;
        }
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let bytes = 0;
        if (opts.toFile !== undefined) {
          rmSync(opts.toFile, { force: true });
          fd = openSync(opts.toFile, 'w');
        }
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          bytes += chunk.length;
          if (bytes > opts.maxBytes) {
            fail(new AttemptError(`response exceeds the limit of ${opts.maxBytes} bytes`, false, status));
            return;
          }
          hash.update(chunk);
          if (fd !== undefined) {
            let off = 0;
            while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
          } else chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          if (!res.complete || (declared !== undefined && bytes !== declared)) {
            fail(new AttemptError(`connection closed after ${bytes} of ${declared ?? '?'} bytes`, true, status));
            return;
          }
          settled = true;
          if (fd !== undefined) closeSync(fd);
          fd = undefined;
          resolve({
            url,
            status,
            headers: res.headers,
            body: opts.toFile === undefined ? Buffer.concat(chunks) : undefined,
            bytes,
            sha256: hash.digest('hex'),
          });
        });
        const cut = () => fail(new AttemptError(`connection closed after ${bytes} of ${declared ?? '?'} bytes`, true, status));
        res.on('aborted', cut);
        res.on('error', cut);
        res.on('close', () => {
          if (!settled) cut();
        });
      },
    );
    req.setTimeout(opts.timeoutMs, () => fail(new AttemptError(`no response within ${opts.timeoutMs} ms`, true)));
    if (Number.isFinite(left)) deadlineTimer = setTimeout(() => fail(deadlineError(opts.deadline!.ms)), left);
    req.on('error', (e: NodeJS.ErrnoException) =>
      fail(new AttemptError(`network error ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim(), true)),
    );
  });
}

function deadlineError(ms: number): AttemptError {
  return new AttemptError(`download not complete within the deadline of ${ms} ms (--deadline)`, false);
}
