// `npm run notebooks:open` must give an interactive Jupyter on the notebooks folder in which the
// notebooks start the project's kernel: every notebook names `veerkracht-tslab` in its metadata,
// and the classic Notebook server started by scripts/notebook-tools/open.mjs lists that kernel
// and starts it for a notebook. Needs the Debian package jupyter-notebook (required with
// VEERKRACHT_REQUIRE_NOTEBOOKS=1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const notebooksDir = join(root, 'notebooks');
const tslabBin = join(root, 'tools', 'tslab', 'node_modules', '.bin', 'tslab');
const hasNotebook = spawnSync('/usr/bin/python3', ['-c', 'import notebook, nbclient'], { encoding: 'utf8' }).status === 0;
const required = process.env.VEERKRACHT_REQUIRE_NOTEBOOKS === '1';

it('every notebook names the veerkracht-tslab kernel, so a front end starts the project kernel', () => {
  const wrong = readdirSync(notebooksDir)
    .filter((f) => f.endsWith('.ipynb'))
    .map((f) => [f, JSON.parse(readFileSync(join(notebooksDir, f), 'utf8')).metadata?.kernelspec?.name] as const)
    .filter(([, name]) => name !== 'veerkracht-tslab');
  expect(wrong, 'rebuild with: node scripts/notebook-tools/nb.mjs clear notebooks/NAME.ipynb').toEqual([]);
});

/** Python (tornado, a dependency of the Notebook server): send one execute_request, print its stdout stream. */
const RUN_CELL = `
import asyncio, json, sys, uuid
from tornado import ioloop, websocket
async def main(url, code):
    ws = await websocket.websocket_connect(url)
    msg_id = uuid.uuid4().hex
    ws.write_message(json.dumps({"header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False}}))
    while True:
        m = json.loads(await ws.read_message())
        if m.get("parent_header", {}).get("msg_id") != msg_id: continue
        if m["msg_type"] == "stream": sys.stdout.write(m["content"]["text"])
        if m["msg_type"] == "error": sys.stdout.write("error: " + m["content"].get("evalue", ""))
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle": break
    # close the socket and let tornado's frame loop see it close before the loop stops
    ws.close()
    await asyncio.sleep(0.2)
ioloop.IOLoop.current().run_sync(lambda: main(sys.argv[1], sys.argv[2]), timeout=80)
`;

/**
 * Python's warning at exit that tornado's websocket frame loop was still pending when the
 * client's event loop closed (a race at shutdown, after the cell has run): not an error of the
 * kernel or the cell.
 */
const PENDING_AT_EXIT = /^Task was destroyed but it is pending!\ntask: <Task pending name='[^']*' coro=<WebSocketProtocol13\._receive_frame_loop\(\)[^\n]*\n?/m;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function poll<T>(what: string, f: () => Promise<T | undefined>, tries = 120): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await f().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

it.runIf((hasNotebook && existsSync(tslabBin)) || required)('notebooks:open serves the notebooks and starts the veerkracht-tslab kernel for one', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const token = 'veerkracht-test';
  const args = ['--no-browser', `--port=${port}`, '--ip=127.0.0.1', `--NotebookApp.token=${token}`, ...(process.getuid?.() === 0 ? ['--allow-root'] : [])];
  const server = spawn(process.execPath, [join(root, 'scripts', 'notebook-tools', 'open.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}/api/${path}${path.includes('?') ? '&' : '?'}token=${token}`, init);
  try {
    const specs = await poll('the notebook server', async () => {
      if (server.exitCode !== null) throw new Error(`open.mjs exited with ${server.exitCode}:\n${log}`);
      const r = await api('kernelspecs');
      return r.ok ? ((await r.json()) as { kernelspecs: Record<string, { spec: { display_name: string; argv: string[] } }> }) : undefined;
    }).catch((e) => {
      throw new Error(`${(e as Error).message}\n${log}`);
    });
    expect(specs.kernelspecs['veerkracht-tslab']?.spec.argv[0]).toBe(tslabBin);
    const listing = (await (await api('contents')).json()) as { content: { name: string }[] };
    expect(listing.content.map((c) => c.name)).toContain('00-start.ipynb');
    // open a notebook as the front end does: a session with the kernel its metadata names
    const kernel = JSON.parse(readFileSync(join(notebooksDir, '00-start.ipynb'), 'utf8')).metadata.kernelspec.name;
    const session = (await (await api('sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '00-start.ipynb', type: 'notebook', kernel: { name: kernel } }) })).json()) as { id: string; kernel: { id: string; name: string } };
    expect(session.kernel.name).toBe('veerkracht-tslab');
    // run a TypeScript cell through the kernel's websocket, as the browser does (tornado's client)
    const cell = spawnSync('/usr/bin/python3', ['-c', RUN_CELL, `ws://127.0.0.1:${port}/api/kernels/${session.kernel.id}/channels?token=${token}`, 'const n: number = 6 * 7; console.log(`antwoord ${n}`);'], { encoding: 'utf8', timeout: 90_000 });
    expect(cell.stderr.replace(PENDING_AT_EXIT, '')).toBe('');
    expect(cell.stdout).toContain('antwoord 42');
    await api(`sessions/${session.id}`, { method: 'DELETE' });
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.on('exit', r)));
  }
});
