/**
 * An output set: all files of one run are written into a hidden staging folder beside the
 * output folder and swapped in at the end, so a reader sees the complete old set or the complete
 * new set, never a mix. A lock file beside the folder stops a second run into the same folder;
 * leftovers of killed runs (staging folders, the set put aside during a swap, `.tmp` files) are
 * swept by the next run. Before anything is written the folder is checked: a file where a folder
 * should be, no permission, a read-only disk, a name too long or a full disk are one-line
 * {@link VeerkrachtError}s naming the path and what to do.
 *
 * Guarantee (POSIX rename(2) semantics, a process killed at any point, including SIGKILL):
 * - the output folder holds all old files or all new files; the new set becomes visible with one
 *   rename of the complete staging folder;
 * - the remaining window is between the two renames of {@link OutputSet.commit} (old folder put
 *   aside, staging folder not yet in place, a few microseconds): a reader then finds no folder,
 *   and a run killed exactly there leaves the old set complete in `.NAME.old-…` beside it, which
 *   the next {@link openOutputSet} on the same folder moves back into place;
 * - entries of the old folder that the new set does not write (e.g. `out/fetch/`) are carried
 *   into the new set as hard links (copies where linking fails), unless `carryOver` says no;
 * - not covered: power loss (folders are not fsynced), a second writer that ignores the lock,
 *   and network file systems where a lock's pid cannot be checked (such a lock counts as live).
 *
 * @example
 * const set = openOutputSet('out');           // checks, locks, sweeps leftovers
 * try {
 *   set.write('signalen.csv', csv);              // or writeFileAtomic(set.path('signalen.csv'), csv)
 *   set.write('samenvatting.json', json);
 *   await set.commit();                       // swap in; releases the lock
 * } catch (e) {
 *   set.abort();                              // staging removed, old set untouched, lock released
 *   throw e;
 * }
 */
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  type Stats,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { VeerkrachtError } from './errors.js';
import { writeAllSync, writeStaged, writeStagedAsync } from './fs.js';

/** A set of output files being written; see {@link openOutputSet}. */
export interface OutputSet {
  /** The output folder (absolute) the set is committed to. */
  readonly dir: string;
  /** The staging folder (absolute, hidden, beside {@link OutputSet.dir}) the files go to. */
  readonly stagingDir: string;
  /** The lock file (absolute, beside {@link OutputSet.dir}). */
  readonly lockFile: string;
  /**
   * Where to write the output file `name` (relative, `/`-separated, sub-folders allowed): a path
   * inside the staging folder, its parent folder created.
   *
   * @throws VeerkrachtError when `name` would leave the folder, or after commit/abort
   */
  path(name: string): string;
  /**
   * Write the output file `name` into the staging folder. Not flushed per file: the staging
   * folder is private until the swap and a killed run's folder is swept, so a kill never shows a
   * partial file; power loss is outside the guarantee (see the top of this file). A file-system error
   * (a full disk: ENOSPC) becomes a one-line {@link VeerkrachtError} naming the output folder,
   * the file and what to do; call {@link OutputSet.abort} then, the old set stays.
   *
   * @returns the staging path written
   */
  write(name: string, data: string | Uint8Array | Iterable<string | Uint8Array>): string;
  /**
   * {@link OutputSet.write} of a file whose pieces come as they are made (an async iterable),
   * each written when it comes; errors as there.
   *
   * @returns the staging path written
   */
  writeAsync(name: string, data: AsyncIterable<string | Uint8Array>): Promise<string>;
  /**
   * Swap the staging folder in as the output folder (old set put aside, new set renamed into
   * place, old set removed) and release the lock.
   *
   * @throws VeerkrachtError when the swap fails; the old set is then left in place
   */
  commit(): Promise<void>;
  /** Remove the staging folder and release the lock; the old set stays. Idempotent. */
  abort(): void;
}

/** Options of {@link openOutputSet}. */
export interface OutputSetOptions {
  /**
   * Entries (top-level names) of the old folder that the new set did not write are carried into
   * the new set: `true` (default) all of them, `false` none, or a predicate per name.
   */
  carryOver?: boolean | ((name: string) => boolean);
}

/** Longest file name most file systems take (ext4, APFS, NTFS: 255 bytes). */
const NAME_MAX = 255;
/** Room the hidden staging/old/lock names add to the folder's own name. */
const HIDDEN_EXTRA = 48;

let counter = 0;

/**
 * Open an output set for `outDir`: check the folder, take the lock, sweep leftovers of killed
 * runs, create the staging folder.
 *
 * @param outDir output folder (created on commit when absent; its parent is created now)
 * @param opts see {@link OutputSetOptions}
 * @returns the set; write with {@link OutputSet.path}, finish with commit or abort
 * @throws VeerkrachtError when the folder is a file, not writable, on a read-only or full disk,
 *   its name is too long, or another live run holds the lock (naming the folder and the lock)
 * @example const set = openOutputSet('out'); writeFileAtomic(set.path('a.csv'), 'x\n'); await set.commit();
 */
export function openOutputSet(outDir: string, opts: OutputSetOptions = {}): OutputSet {
  const dir = checkOutputFolder(outDir);
  const parent = dirname(dir);
  const base = basename(dir);
  const lockFile = join(parent, `.${base}.veerkracht-lock`);
  acquireLock(lockFile, dir);
  let stagingDir = '';
  try {
    sweepLeftovers(dir);
    stagingDir = join(parent, `.${base}.staging-${process.pid}-${Date.now().toString(36)}${counter++}`);
    fsStep(() => mkdirSync(stagingDir), stagingDir, 'create the staging folder beside');
  } catch (e) {
    if (stagingDir !== '') rmSync(stagingDir, { recursive: true, force: true });
    releaseLock(lockFile);
    throw e;
  }
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const onExit = () => {
    if (state !== 'open') return;
    rmSync(stagingDir, { recursive: true, force: true });
    releaseLock(lockFile);
  };
  process.on('exit', onExit);
  const finish = (s: 'committed' | 'aborted') => {
    state = s;
    process.removeListener('exit', onExit);
  };
  const carry = opts.carryOver ?? true;

  return {
    dir,
    stagingDir,
    lockFile,
    path(name: string): string {
      if (state !== 'open') throw new VeerkrachtError(`the output set is already ${state}`, { file: dir });
      const target = resolve(stagingDir, name);
      const rel = relative(stagingDir, target);
      if (name === '' || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        throw new VeerkrachtError('output name escapes the output folder', { file: name, expected: `a file name inside ${outDir}` });
      }
      fsStep(() => mkdirSync(dirname(target), { recursive: true }), dirname(target), 'create a folder in');
      return target;
    },
    write(name: string, data: string | Uint8Array | Iterable<string | Uint8Array>): string {
      const target = this.path(name);
      fsStep(() => writeStaged(target, data), join(outDir, name), 'write');
      return target;
    },
    async writeAsync(name: string, data: AsyncIterable<string | Uint8Array>): Promise<string> {
      const target = this.path(name);
      try {
        await writeStagedAsync(target, data);
      } catch (e) {
        throw fileSystemError(e, join(outDir, name), 'write');
      }
      return target;
    },
    async commit(): Promise<void> {
      if (state !== 'open') throw new VeerkrachtError(`the output set is already ${state}`, { file: dir });
      try {
        const old = exists(dir) ? join(parent, `.${base}.old-${process.pid}-${Date.now().toString(36)}${counter++}`) : undefined;
        if (old !== undefined && carry !== false) carryOver(dir, stagingDir, carry === true ? () => true : carry);
        if (old !== undefined) fsStep(() => renameSync(dir, old), dir, 'move the previous output aside in');
        try {
          fsStep(() => renameSync(stagingDir, dir), dir, 'move the new output into');
        } catch (e) {
          if (old !== undefined) renameSync(old, dir);
          throw e;
        }
        if (old !== undefined) {
          try {
            // on the thread pool, several files at a time: about half the time of rmSync for
            // the 362 files of a national run, which the run waits for at its very end
            await rm(old, { recursive: true, force: true });
          } catch {
            // The new set is in place; what is left of the old one is swept by the next run.
          }
        }
      } catch (e) {
        rmSync(stagingDir, { recursive: true, force: true });
        releaseLock(lockFile);
        finish('aborted');
        throw e;
      }
      releaseLock(lockFile);
      finish('committed');
    },
    abort(): void {
      if (state !== 'open') return;
      rmSync(stagingDir, { recursive: true, force: true });
      releaseLock(lockFile);
      finish('aborted');
    },
  };
}

/**
 * Check, before anything runs, that `outDir` can be an output folder: not a file, not below a
 * file, a name short enough for the hidden staging names, on a writable disk with permission to
 * write. Creates the parent folder. Symlinked folders are followed.
 *
 * @returns the absolute folder path the set will be committed to
 * @throws VeerkrachtError naming the path and what to do
 */
export function checkOutputFolder(outDir: string): string {
  let dir = resolve(outDir);
  const cwd = process.cwd();
  if (dirname(dir) === dir || cwd === dir || cwd.startsWith(dir.endsWith(sep) ? dir : dir + sep)) {
    // The whole folder is swapped on commit: never the working directory, one above it, or a root.
    throw new VeerkrachtError('the output folder holds the working directory (it is replaced as a whole on commit)', {
      file: outDir,
      expected: 'a folder of its own for the output, such as out/',
    });
  }
  if (Buffer.byteLength(basename(dir)) + HIDDEN_EXTRA > NAME_MAX) {
    throw fileSystemError(Object.assign(new Error('name too long'), { code: 'ENAMETOOLONG' }), outDir, 'use');
  }
  let st: Stats | undefined;
  try {
    st = lstatSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw fileSystemError(e, outDir, 'use');
  }
  if (st?.isSymbolicLink()) {
    dir = fsStep(() => realpathSync(dir), outDir, 'follow the link');
    st = fsStep(() => statSync(dir), outDir, 'use');
  }
  if (st !== undefined && !st.isDirectory()) {
    throw fileSystemError(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), outDir, 'use');
  }
  const parent = dirname(dir);
  fsStep(() => mkdirSync(parent, { recursive: true }), outDir, 'create the folder above');
  fsStep(() => accessSync(parent, constants.W_OK), parent, 'write in');
  if (st !== undefined) fsStep(() => accessSync(dir, constants.W_OK), outDir, 'write in');
  return dir;
}

const ADVICE: Record<string, [string, string]> = {
  EACCES: ['no permission', 'choose another --out or change the permissions'],
  EPERM: ['operation not permitted', 'choose another --out or change the permissions'],
  EROFS: ['the disk is read-only', 'choose an --out on a writable disk'],
  ENOTDIR: ['a file is in the way where a folder is needed', 'choose another --out or move that file'],
  EISDIR: ['a folder is in the way where a file is needed', 'choose another --out or move that folder'],
  ENAMETOOLONG: ['the name or path is too long', 'choose a shorter --out'],
  ENOSPC: ['the disk is full', 'free some space or choose an --out on another disk'],
  EDQUOT: ['the disk quota is used up', 'free some space or choose an --out on another disk'],
  EMFILE: ['too many open files', 'close other programs or raise the limit (ulimit -n)'],
  EBUSY: ['the folder is in use', 'close programs that use it and run again'],
  ENOENT: ['a folder on the way does not exist', 'check the path'],
};

/**
 * A file-system error as a one-line user error naming the path, the cause and what to do; an
 * error without an errno code (a bug) is returned unchanged.
 *
 * @param e the caught error
 * @param path the path as the user gave it (or as written)
 * @param action what was being done, e.g. `write in`
 * @example throw fileSystemError(e, 'out', 'write in') // "out: cannot write in (EROFS: the disk is read-only); expected choose an --out on a writable disk"
 */
export function fileSystemError(e: unknown, path: string, action: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e;
  const [why, todo] = ADVICE[code] ?? [(e as Error).message.split('\n')[0], 'check the path and the disk'];
  return new VeerkrachtError(`cannot ${action} (${code}: ${why})`, { file: path, expected: todo });
}

/** Run a file-system step; an errno error becomes {@link fileSystemError}. */
function fsStep<T>(step: () => T, path: string, action: string): T {
  try {
    return step();
  } catch (e) {
    throw fileSystemError(e, path, action);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** True when a process with this pid runs on this machine (EPERM: it exists, owned by another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  dir: string;
}

function readLock(lockFile: string): LockInfo | undefined {
  try {
    const v = JSON.parse(readFileSync(lockFile, 'utf8')) as LockInfo;
    return v !== null && typeof v === 'object' && typeof v.pid === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Live unless its pid is dead on this machine; a lock from another host counts as live. */
function lockIsStale(info: LockInfo | undefined): boolean {
  if (info === undefined) return true; // unreadable: never written completely (written by link)
  if (info.host !== hostname()) return false;
  return !processAlive(info.pid);
}

/**
 * Take the lock: the complete lock text is written to a temporary file and hard-linked to the
 * lock name (atomic, fails when it exists). A stale lock (its pid is dead) is moved aside and
 * checked to be the one judged stale before the lock is taken.
 */
function acquireLock(lockFile: string, dir: string): void {
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), dir };
  const tmp = `${lockFile}.${process.pid}.${counter++}.tmp`;
  fsStep(() => {
    const fd = openSync(tmp, 'wx');
    try {
      writeAllSync(fd, `${JSON.stringify(info)}\n`);
    } finally {
      closeSync(fd);
    }
  }, dirname(lockFile), 'write the lock file in');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, lockFile);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          // File systems without hard links: exclusive create (the text may be seen half written).
          if ((e as NodeJS.ErrnoException).code === 'EPERM' || (e as NodeJS.ErrnoException).code === 'ENOTSUP') {
            fsStep(() => copyFileSync(tmp, lockFile, constants.COPYFILE_EXCL), lockFile, 'create the lock file');
            return;
          }
          throw fileSystemError(e, lockFile, 'create the lock file');
        }
      }
      let st: Stats | undefined;
      try {
        st = lstatSync(lockFile);
      } catch {
        continue; // released meanwhile
      }
      const held = readLock(lockFile);
      if (attempt >= 3 || !lockIsStale(held)) {
        const who = held ? `pid ${held.pid}${held.host !== hostname() ? ` on ${held.host}` : ''}, since ${held.started}` : 'unknown';
        throw new VeerkrachtError(`another veerkracht run is writing into this folder (${who}), lock ${lockFile}`, {
          file: dir,
          expected: 'one run per output folder: wait for it to finish, choose another --out, or remove the lock file if no run is active',
        });
      }
      // Stale: move it aside, then make sure what was moved is the stale lock and not a fresh one.
      const aside = `${lockFile}.${process.pid}.${counter++}.tmp`;
      try {
        renameSync(lockFile, aside);
      } catch {
        continue;
      }
      const moved = lstatSync(aside);
      if (moved.ino !== st.ino || moved.dev !== st.dev) {
        try {
          linkSync(aside, lockFile); // put the other run's fresh lock back
        } catch {
          // the slot was taken again meanwhile; the other run's lock text is in `aside`
        }
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

function releaseLock(lockFile: string): void {
  const held = readLock(lockFile);
  if (held !== undefined && held.pid === process.pid && held.host === hostname()) rmSync(lockFile, { force: true });
}

/** `.name.1234.0.5.tmp` (writeFileAtomic: pid, thread, counter), `name.1234.tmp` (copies): the pid that wrote it. */
const TMP_NAME = /\.(\d+)(?:\.\d+){0,2}\.tmp$/;

/**
 * Sweep what killed runs into `dir` left (call while holding the lock): restore an old set put
 * aside when the folder itself is missing (a kill between the two renames of a commit), remove
 * staging and put-aside folders, lock temporaries, and `.tmp` files of dead processes inside
 * the folder.
 *
 * @returns the paths removed or restored
 */
export function sweepLeftovers(dir: string): string[] {
  const parent = dirname(dir);
  const base = basename(dir);
  const done: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return done;
  }
  const olds = names.filter((n) => n.startsWith(`.${base}.old-`)).sort();
  if (!exists(dir) && olds.length > 0) {
    // The newest put-aside set is the last complete one that was in place.
    const newest = olds
      .map((n) => ({ n, t: statSync(join(parent, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t || (a.n < b.n ? 1 : -1))[0].n;
    fsStep(() => renameSync(join(parent, newest), dir), dir, 'restore the previous output into');
    done.push(dir);
  }
  for (const n of names) {
    const p = join(parent, n);
    if (n.startsWith(`.${base}.staging-`) || (n.startsWith(`.${base}.old-`) && exists(p))) {
      rmSync(p, { recursive: true, force: true });
      done.push(p);
    } else if (n.startsWith(`.${base}.veerkracht-lock.`)) {
      const m = TMP_NAME.exec(n);
      if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) {
        rmSync(p, { force: true });
        done.push(p);
      }
    }
  }
  sweepTmpFiles(dir, done, 0);
  return done;
}

function sweepTmpFiles(folder: string, done: string[], depth: number): void {
  if (depth > 8) return;
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(folder, e.name);
    if (e.isDirectory()) sweepTmpFiles(p, done, depth + 1);
    else if (e.isFile()) {
      const m = TMP_NAME.exec(e.name);
      if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) {
        rmSync(p, { force: true });
        done.push(p);
      }
    }
  }
}

/** Hard-link (or copy) entries of `from` that `to` lacks into `to`, recursively. */
function carryOver(from: string, to: string, keep: (name: string) => boolean): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (!keep(e.name) || TMP_NAME.test(e.name) || exists(join(to, e.name))) continue;
    linkTree(join(from, e.name), join(to, e.name));
  }
}

function linkTree(src: string, dst: string): void {
  const st = lstatSync(src);
  if (st.isDirectory()) {
    fsStep(() => mkdirSync(dst, { recursive: true }), dst, 'create a folder in');
    for (const n of readdirSync(src)) if (!exists(join(dst, n))) linkTree(join(src, n), join(dst, n));
  } else if (st.isFile()) {
    try {
      linkSync(src, dst);
    } catch {
      fsStep(() => copyFileSync(src, dst), dst, 'copy a previous file into');
    }
  } else if (st.isSymbolicLink()) {
    // Keep the link itself (never follow it out of the folder).
    const target = readlinkSync(src);
    fsStep(() => symlinkSync(target, dst), dst, 'copy a link into');
  }
}
