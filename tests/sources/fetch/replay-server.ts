/**
 * A local HTTP server on 127.0.0.1 (port 0) that replays recorded responses and faults, for
 * testing the fetch client without any network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with one request. */
export type Reply =
  | { status?: number; body?: string | Buffer; headers?: Record<string, string> }
  | { fault: 'drop' } // destroy the socket before any response
  | { fault: 'cut'; body: string | Buffer } // declare the full Content-Length, send half, destroy
  | { fault: 'short'; body: string | Buffer } // send the first half without Content-Length, end cleanly
  | { fault: 'hang' } // never answer
  | { fault: 'stall'; body: string | Buffer } // declare the full Content-Length, send half, then wait
  | { fault: 'trickle'; body: string | Buffer; everyMs: number }; // declare the full length, send one byte every everyMs

/** Handler: URL of the request and how often this exact URL was asked before (0-based). */
export type Handler = (url: URL, seen: number) => Reply;

export interface ReplayServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request URL (path + query as received), in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startReplayServer(handler: Handler): Promise<ReplayServer> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const raw = req.url ?? '/';
    requests.push(raw);
    const seen = counts.get(raw) ?? 0;
    counts.set(raw, seen + 1);
    const reply = handler(new URL(raw, 'http://127.0.0.1'), seen);
    if ('fault' in reply) {
      if (reply.fault === 'drop') {
        req.socket.destroy();
        return;
      }
      if (reply.fault === 'hang') return;
      const body = Buffer.from(reply.body);
      if (reply.fault === 'trickle') {
        res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/zip' });
        let i = 0;
        const timer = setInterval(() => {
          if (i >= body.length) {
            clearInterval(timer);
            res.end();
            return;
          }
          res.write(body.subarray(i, i + 1));
          i++;
        }, reply.everyMs);
        req.socket.on('close', () => clearInterval(timer));
        return;
      }
      const half = body.subarray(0, Math.floor(body.length / 2));
      if (reply.fault === 'stall') {
        res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/zip' });
        res.write(half);
        return;
      }
      if (reply.fault === 'cut') {
        res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/json' });
        res.write(half, () => setTimeout(() => req.socket.destroy(), 5));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(half);
      return;
    }
    const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(reply.body);
    res.writeHead(reply.status ?? 200, { 'content-length': String(body.length), ...reply.headers });
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON reply. */
export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } };
}
