// The output set (src/util/output-set.ts): complete old or complete new set, a lock per folder,
// leftovers of killed runs swept, file-system problems as one-line user errors.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fileSystemError, openOutputSet } from '../../src/util/output-set.js';
import { VeerkrachtError } from '../../src/util/errors.js';

const SRC = new URL('../../src/util/', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'vk-output-set-'));

/** The error thrown by `f` (it must throw). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** Every file under `dir` (relative, sorted) with its text. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out.set(f, readFileSync(p, 'utf8'));
  }
  return out;
}

/** Names beside `out` that belong to the output machinery (staging, put-aside, lock, temporaries). */
function leftovers(out: string): string[] {
  const parent = join(out, '..');
  return readdirSync(parent).filter((n) => n.startsWith('.out.'));
}

/** A pid that certainly belongs to no running process. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('output set', () => {
  it('commit swaps in the new set; entries the new set does not write are carried over; the lock is released', async () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(join(out, 'fetch'), { recursive: true });
    writeFileSync(join(out, 'a.csv'), 'old a');
    writeFileSync(join(out, 'gone.svg'), 'old svg');
    writeFileSync(join(out, 'fetch', 'TableInfos.json'), '{"kept":true}');
    const set = openOutputSet(out, { carryOver: (name) => name === 'fetch' });
    expect(existsSync(set.lockFile)).toBe(true);
    writeFileSync(set.path('a.csv'), 'new a');
    writeFileSync(set.path('maps/kaart.svg'), '<svg/>');
    // before commit nothing changed in out
    expect(tree(out)).toEqual(new Map([['a.csv', 'old a'], ['fetch/TableInfos.json', '{"kept":true}'], ['gone.svg', 'old svg']]));
    await set.commit();
    expect(tree(out)).toEqual(new Map([['a.csv', 'new a'], ['fetch/TableInfos.json', '{"kept":true}'], ['maps/kaart.svg', '<svg/>']]));
    expect(leftovers(out)).toEqual([]);
    expect(() => set.path('x')).toThrow(/already committed/);
  });

  it('carries every old entry over by default; a new folder is created on commit', async () => {
    const root = tmp();
    const out = join(root, 'nieuw', 'out');
    const first = openOutputSet(out);
    expect(existsSync(out)).toBe(false);
    writeFileSync(first.path('a.txt'), '1');
    writeFileSync(first.path('b.txt'), '1');
    await first.commit();
    const second = openOutputSet(out);
    writeFileSync(second.path('a.txt'), '2');
    await second.commit();
    expect(tree(out)).toEqual(new Map([['a.txt', '2'], ['b.txt', '1']]));
  });

  it('abort leaves the old set as it was, removes the staging folder and releases the lock', () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.csv'), 'old');
    const set = openOutputSet(out);
    writeFileSync(set.path('a.csv'), 'new');
    set.abort();
    set.abort();
    expect(tree(out)).toEqual(new Map([['a.csv', 'old']]));
    expect(leftovers(out)).toEqual([]);
    openOutputSet(out).abort(); // the lock is free again
  });

  it('a write that fails half-way (here EISDIR; ENOSPC alike) is one line naming the file; abort keeps the old set', () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(out);
    for (const f of ['a.csv', 'b.csv', 'c.png']) writeFileSync(join(out, f), `old ${f}`);
    const set = openOutputSet(out);
    set.write('a.csv', 'new a');
    set.write('b.csv', Buffer.from('new b'));
    mkdirSync(set.path('c.png')); // something in the way, as a full disk would be
    const e = thrown(() => set.write('c.png', 'new png'));
    expect(e).toBeInstanceOf(VeerkrachtError);
    expect(e.message).toBe(`${join(out, 'c.png')}: cannot write (EISDIR: a folder is in the way where a file is needed); expected choose another --out or move that folder`);
    set.abort();
    expect(tree(out)).toEqual(new Map([['a.csv', 'old a.csv'], ['b.csv', 'old b.csv'], ['c.png', 'old c.png']]));
    expect(leftovers(out)).toEqual([]);
  });

  it.runIf(existsSync('/dev/full'))('a full disk (a real ENOSPC from /dev/full) is one line saying so', () => {
    const out = join(tmp(), 'out');
    const set = openOutputSet(out);
    symlinkSync('/dev/full', set.path('signalen.csv'));
    const e = thrown(() => set.write('signalen.csv', 'x'.repeat(100_000)));
    expect(e.message).toBe(`${join(out, 'signalen.csv')}: cannot write (ENOSPC: the disk is full); expected free some space or choose an --out on another disk`);
    set.abort();
    expect(existsSync(out)).toBe(false);
  });

  it('names that leave the folder are refused', () => {
    const set = openOutputSet(join(tmp(), 'out'));
    for (const bad of ['../x.csv', '/etc/x', '', 'a/../../x']) expect(() => set.path(bad), bad).toThrow(VeerkrachtError);
    set.abort();
  });

  it('a second run into the same folder fails with one line naming the folder and the lock', () => {
    const out = join(tmp(), 'out');
    const first = openOutputSet(out);
    const e = thrown(() => openOutputSet(out));
    expect(e).toBeInstanceOf(VeerkrachtError);
    expect(e.message).toContain(out);
    expect(e.message).toContain(first.lockFile);
    expect(e.message).toContain(`pid ${process.pid}`);
    expect(e.message).not.toContain('\n');
    first.abort();
  });

  it('a lock of a killed run is stale: the next run takes it and sweeps that run’s staging folder', async () => {
    const out = join(tmp(), 'out');
    const lib = compiled();
    const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(join(lib, 'output-set.js'))}).then((m) => { const s = m.openOutputSet(${JSON.stringify(out)}); require('fs').writeFileSync(s.path('half.csv'), 'x'); console.log('locked'); setInterval(() => {}, 1000); })`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await waitFor(child, 'locked');
    expect(() => openOutputSet(out)).toThrow(/another veerkracht run is writing into this folder/);
    await kill(child);
    expect(leftovers(out).some((n) => n.startsWith('.out.staging-'))).toBe(true);
    const set = openOutputSet(out);
    expect(leftovers(out).filter((n) => n.startsWith('.out.staging-'))).toEqual([basenameOf(set.stagingDir)]);
    set.abort();
    expect(leftovers(out)).toEqual([]);
  });

  it('sweeps .tmp files of dead processes inside the folder, keeps those of live ones', () => {
    const out = join(tmp(), 'out');
    mkdirSync(join(out, 'sub'), { recursive: true });
    const dead = deadPid();
    writeFileSync(join(out, `.signalen.csv.${dead}.3.tmp`), 'half');
    writeFileSync(join(out, 'sub', `archief.zip.${dead}.tmp`), 'half');
    writeFileSync(join(out, `.live.csv.${process.pid}.0.tmp`), 'being written');
    // writeFileAtomic's names since the figure worker: pid, thread, counter
    writeFileSync(join(out, `.kaart.png.${process.pid}.1.0.tmp`), 'being written by a worker thread');
    writeFileSync(join(out, `.kaart.svg.${dead}.1.4.tmp`), 'half, by a dead process');
    writeFileSync(join(out, 'notes.tmp'), 'a user file');
    openOutputSet(out).abort();
    expect([...tree(out).keys()]).toEqual([`.kaart.png.${process.pid}.1.0.tmp`, `.live.csv.${process.pid}.0.tmp`, 'notes.tmp']);
  });

  it('a run killed between the two renames of commit: the next run puts the old set back', () => {
    const out = join(tmp(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.csv'), 'old a');
    writeFileSync(join(out, 'b.csv'), 'old b');
    // the state such a kill leaves: out moved aside, a complete staging folder, a stale lock
    const parent = join(out, '..');
    renameSync(out, join(parent, `.out.old-${deadPid()}-x`));
    mkdirSync(join(parent, '.out.staging-1-y'));
    writeFileSync(join(parent, '.out.staging-1-y', 'a.csv'), 'new a');
    writeFileSync(join(parent, '.out.veerkracht-lock'), JSON.stringify({ pid: deadPid(), host: hostname(), started: 'x', dir: out }));
    openOutputSet(out).abort();
    expect(tree(out)).toEqual(new Map([['a.csv', 'old a'], ['b.csv', 'old b']]));
    expect(leftovers(out)).toEqual([]);
  });

  it('checks the folder before anything runs: a file, a path below a file, a name too long', () => {
    const root = tmp();
    const file = join(root, 'out.csv');
    writeFileSync(file, 'x');
    const one = (e: Error) => {
      expect(e).toBeInstanceOf(VeerkrachtError);
      expect(e.message).not.toContain('\n');
      return e.message;
    };
    const a = one(thrown(() => openOutputSet(file)));
    expect(a).toContain(file);
    expect(a).toContain('ENOTDIR');
    expect(a).toContain('choose another --out');
    const b = one(thrown(() => openOutputSet(join(file, 'sub', 'out'))));
    expect(b).toMatch(/ENOTDIR|EEXIST/);
    expect(b).toContain('--out');
    const long = join(root, 'x'.repeat(240));
    const c = one(thrown(() => openOutputSet(long)));
    expect(c).toContain('ENAMETOOLONG');
    expect(c).toContain('choose a shorter --out');
    expect(readdirSync(root)).toEqual(['out.csv']);
  });

  it('refuses the working directory, a folder above it, and a root: they would be swapped as a whole', () => {
    for (const d of ['.', '..', process.cwd(), '/']) {
      const e = thrown(() => openOutputSet(d));
      expect(e, d).toBeInstanceOf(VeerkrachtError);
      expect(e.message).toContain('holds the working directory');
    }
  });

  it.runIf(process.getuid?.() !== 0)('a read-only folder is refused before anything is written', () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(out, { mode: 0o555 });
    expect(thrown(() => openOutputSet(out)).message).toMatch(/EACCES.*change the permissions/);
  });

  it('file-system errors become one line naming the path and what to do', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: boom, open '/x'`), { code });
    const cases: [string, RegExp][] = [
      ['EACCES', /^out: cannot write in \(EACCES: no permission\); expected choose another --out or change the permissions$/],
      ['EROFS', /^out: cannot write in \(EROFS: the disk is read-only\); expected choose an --out on a writable disk$/],
      ['ENOTDIR', /choose another --out or move that file/],
      ['ENAMETOOLONG', /choose a shorter --out/],
      ['ENOSPC', /the disk is full.*free some space/],
    ];
    for (const [code, re] of cases) {
      const e = fileSystemError(errno(code), 'out', 'write in');
      expect(e).toBeInstanceOf(VeerkrachtError);
      expect((e as Error).message).toMatch(re);
    }
    const bug = new TypeError('x is undefined');
    expect(fileSystemError(bug, 'out', 'write in')).toBe(bug);
  });

  it('follows a symlinked output folder and swaps the folder it points to', async () => {
    const root = tmp();
    const real = join(root, 'elders');
    mkdirSync(real);
    writeFileSync(join(real, 'a.csv'), 'old');
    symlinkSync(real, join(root, 'out'));
    const set = openOutputSet(join(root, 'out'));
    writeFileSync(set.path('a.csv'), 'new');
    await set.commit();
    expect(readFileSync(join(root, 'out', 'a.csv'), 'utf8')).toBe('new');
    expect(readFileSync(join(real, 'a.csv'), 'utf8')).toBe('new');
  });
});

describe('output set under SIGKILL', () => {
  it('a writer killed at random points leaves all old or all new files, and the next run sweeps leftovers', async () => {
    const lib = compiled();
    const root = tmp();
    const out = join(root, 'out');
    const N = 12;
    const names = [...Array.from({ length: N }, (_, i) => `f${String(i).padStart(2, '0')}.csv`), 'sub/kaart.svg'].sort();
    const writer = join(lib, 'writer.mjs');
    writeFileSync(
      writer,
      `import { openOutputSet } from './output-set.js';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
const [out, gen] = process.argv.slice(2);
const set = openOutputSet(out);
const t0 = Date.now();
process.stdout.write('open\\n');
const names = ${JSON.stringify(names)};
for (const name of names) {
  const fd = openSync(set.path(name), 'w');
  const body = Buffer.from(gen + '\\n' + 'x'.repeat(20000));
  for (let off = 0; off < body.length; off += 4096) writeSync(fd, body, off, Math.min(4096, body.length - off));
  fsyncSync(fd);
  closeSync(fd);
}
process.stdout.write('committing\\n');
await set.commit();
process.stdout.write('took ' + (Date.now() - t0) + '\\n');
`,
    );
    const user = new Map([['notities.txt', 'mine']]);
    const carried = Array.from({ length: 300 }, (_, i) => join('fetch', `pagina-${i}.json`));
    /** The generation in `dir`, checking the set is complete and not mixed. */
    const generation = (dir: string): string => {
      const files = tree(dir);
      const gens = new Set<string>();
      for (const n of names) {
        expect(files.has(n), `${n} in ${dir}`).toBe(true);
        gens.add(files.get(n)!.split('\n')[0]);
      }
      expect([...gens], `mixed set in ${dir}`).toHaveLength(1);
      expect([...files.keys()].sort()).toEqual([...names, 'notities.txt', ...carried].sort());
      expect(files.get('notities.txt')).toBe(user.get('notities.txt'));
      for (const c of carried) expect(files.get(c)).toBe(c);
      return [...gens][0];
    };
    mkdirSync(join(out, 'fetch'), { recursive: true });
    writeFileSync(join(out, 'notities.txt'), 'mine');
    // files the writer does not produce, carried into every new set (this makes commit take longer)
    for (const c of carried) writeFileSync(join(out, c), c);
    const first = spawnSync(process.execPath, [writer, out, 'g0'], { encoding: 'utf8' });
    expect(first.status).toBe(0);
    // how long writing and committing take once the set is open: kills are spread over that span
    const full = Math.max(5, Number(/took (\d+)/.exec(first.stdout)?.[1]));
    expect(generation(out)).toBe('g0');

    let prev = 'g0';
    const seen = { old: 0, new: 0, gap: 0, inCommit: 0 };
    const trials = 40;
    for (let k = 1; k <= trials; k++) {
      const gen = `g${k}`;
      const child = spawn(process.execPath, [writer, out, gen], { stdio: ['ignore', 'pipe', 'inherit'] });
      await waitFor(child, 'open');
      let committing = false;
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('committing')) committing = true;
      });
      await new Promise((r) => setTimeout(r, Math.random() * full * 1.2));
      await kill(child);
      if (committing && child.signalCode === 'SIGKILL') seen.inCommit++;
      if (existsSync(out)) {
        const g = generation(out);
        expect([prev, gen]).toContain(g);
        seen[g === prev ? 'old' : 'new']++;
      } else {
        // killed between the two renames: the old set lies complete beside the folder
        const aside = leftovers(out).filter((n) => n.startsWith('.out.old-'));
        expect(aside).toHaveLength(1);
        expect(generation(join(root, aside[0]))).toBe(prev);
        seen.gap++;
      }
      // the next run sweeps what the killed one left
      openOutputSet(out).abort();
      expect(leftovers(out)).toEqual([]);
      expect([...tree(out).keys()].filter((n) => n.endsWith('.tmp'))).toEqual([]);
      prev = generation(out);
    }
    console.log(`kill test: ${trials} kills, ${seen.old} left the old set, ${seen.new} the new, ${seen.gap} between the renames, ${seen.inCommit} killed after commit() began (writing and committing took ${full} ms)`);
  }, 60_000);
});

let compiledDir: string | undefined;
/** src/util/output-set.ts and what it imports (fs.ts, errors.ts) as plain ES modules (independent of the dist build). */
function compiled(): string {
  if (compiledDir) return compiledDir;
  const dir = tmp();
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  for (const f of ['output-set', 'fs', 'errors']) {
    const src = readFileSync(join(SRC, `${f}.ts`), 'utf8');
    const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(dir, `${f}.js`), js);
  }
  compiledDir = dir;
  return dir;
}

function waitFor(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${text}"`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function basenameOf(p: string): string {
  return p.split('/').pop()!;
}
