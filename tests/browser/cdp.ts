/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe` (fd 3 in, fd 4 out,
 * NUL-terminated JSON), so the browser test needs no extra package. Only what the test uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { inflateSync } from 'node:zlib';

export const CHROMIUM = '/usr/bin/chromium';

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };

export class Browser {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private buffer = '';
  readonly events: Message[] = [];
  private constructor(private readonly proc: ChildProcess, private readonly profile: string) {
    const out = proc.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i: number;
      while ((i = this.buffer.indexOf('\0')) >= 0) {
        const msg = JSON.parse(this.buffer.slice(0, i)) as Message;
        this.buffer = this.buffer.slice(i + 1);
        if (msg.id !== undefined && this.pending.has(msg.id)) {
          const p = this.pending.get(msg.id)!;
          this.pending.delete(msg.id);
          if (msg.error) p.reject(new Error(msg.error.message));
          else p.resolve(msg.result ?? {});
        } else if (msg.method !== undefined) this.events.push(msg);
      }
    });
  }

  /** Start headless Chromium with a throw-away profile. */
  static launch(): Browser {
    const profile = mkdtempSync(join(tmpdir(), 'vk-chromium-'));
    const proc = spawn(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-extensions',
        '--disable-sync',
        '--window-size=1400,1000',
        `--user-data-dir=${profile}`,
        '--remote-debugging-pipe',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new Browser(proc, profile);
  }

  /** Send a command (to a page session when `sessionId` is given) and await its result. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const msg: Message = { id, method, params };
    if (sessionId !== undefined) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.proc.stdio[3] as Writable).write(`${JSON.stringify(msg)}\0`);
    });
  }

  /** Evaluate an expression in the page and return its value. */
  async evaluate(sessionId: string, expression: string): Promise<unknown> {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
    const ex = r.exceptionDetails as { text?: string } | undefined;
    if (ex !== undefined) throw new Error(`page evaluation failed: ${ex.text ?? ''}`);
    return (r.result as { value?: unknown }).value;
  }

  /** What the page threw or logged as an error (exceptions, console.error, log entries). */
  pageErrors(): string[] {
    return this.events
      .filter(
        (e) =>
          e.method === 'Runtime.exceptionThrown' ||
          (e.method === 'Runtime.consoleAPICalled' && (e.params as { type: string }).type === 'error') ||
          (e.method === 'Log.entryAdded' && (e.params as { entry: { level: string } }).entry.level === 'error'),
      )
      .map((e) => JSON.stringify(e.params).slice(0, 300));
  }

  /** URLs the page requested besides `page` itself and inline data (an offline page has none). */
  requestsBeyond(page: string): string[] {
    return this.events
      .filter((e) => e.method === 'Network.requestWillBeSent')
      .map((e) => (e.params as { request: { url: string } }).request.url)
      .filter((u) => u !== page && !u.startsWith('data:') && !u.startsWith('about:') && !u.startsWith('blob:'));
  }

  /** Close the browser and remove its profile. */
  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]);
    } catch {
      // already gone
    }
    if (this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }
    // Chromium's helper processes may still be flushing into the profile after the browser
    // exited; removing a temp folder is housekeeping, not part of what the test checks
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }
}

/** Decode an 8-bit, non-interlaced RGB/RGBA PNG (what Chromium's screenshots are) to RGBA pixels. */
export function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let off = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('decodePng: only 8-bit non-interlaced PNGs');
      colourType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const bpp = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (bpp === 0) throw new Error(`decodePng: colour type ${colourType} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const cur = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp] : 0;
      const b = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      rgba[(y * width + x) * 4] = cur[x * bpp];
      rgba[(y * width + x) * 4 + 1] = cur[x * bpp + 1];
      rgba[(y * width + x) * 4 + 2] = cur[x * bpp + 2];
      rgba[(y * width + x) * 4 + 3] = bpp === 4 ? cur[x * bpp + 3] : 255;
    }
    prev.set(cur);
  }
  return { width, height, rgba };
}
