// A named earlier build of veerkracht to time `veerkracht run` against in the same script
// (`npm run bench -- --only e2e --baseline-ref <commit>`): this machine's speed changes by up to
// 1.5× within minutes, so only runs that alternate with a baseline give a trustworthy ratio.
// The commit's files are taken with `git archive` (the repository's own .git is not touched)
// into the bench cache, built with this checkout's node_modules, and kept for the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './data.mjs';

/**
 * The built tree of `ref`: { dir, sha, child } with `child` its own bench/lib/e2e-child.mjs, or
 * { error } saying why it cannot be used.
 */
export function baselineTree(ref, log) {
  const rev = spawnSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' });
  if (rev.status !== 0) return { error: `--baseline-ref ${ref}: not a commit of this repository` };
  const sha = rev.stdout.trim();
  const dir = join(CACHE, `baseline-${sha.slice(0, 12)}`);
  const child = join(dir, 'bench', 'lib', 'e2e-child.mjs');
  if (existsSync(join(dir, '.built'))) return { dir, sha, child };
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`bench: building the baseline ${sha.slice(0, 12)} in ${dir} …`);
  const steps = [
    ['sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', ROOT, sha, tmp]],
    [process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(tmp, 'tsconfig.build.json')]],
  ];
  for (const [cmd, args] of steps) {
    if (cmd === process.execPath && !existsSync(join(tmp, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    const p = spawnSync(cmd, args, { encoding: 'utf8' });
    if (p.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      return { error: `baseline ${sha.slice(0, 12)}: ${[cmd, ...args].join(' ').slice(0, 120)} failed: ${(p.stderr || p.stdout).trim().split('\n').slice(-2).join(' | ').slice(0, 200)}` };
    }
  }
  // a commit from after the CLI was bundled bundles it as `npm run build` does
  if (existsSync(join(tmp, 'scripts', 'bundle-cli.mjs'))) {
    const p = spawnSync(process.execPath, [join(tmp, 'scripts', 'bundle-cli.mjs')], { encoding: 'utf8' });
    if (p.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      return { error: `baseline ${sha.slice(0, 12)}: its bundle step failed: ${p.stderr.trim().slice(-200)}` };
    }
  }
  if (!existsSync(join(tmp, 'bench', 'lib', 'e2e-child.mjs'))) {
    rmSync(tmp, { recursive: true, force: true });
    return { error: `baseline ${sha.slice(0, 12)} has no bench/lib/e2e-child.mjs (older than the e2e bench)` };
  }
  writeFileSync(join(tmp, '.built'), `${sha}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, sha, child };
}
