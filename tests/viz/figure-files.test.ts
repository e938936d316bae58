// writeFigures with a shared counter: the files after `from` are drawn by whoever claims them,
// each exactly once (the CLI's worker and main thread split the gemeente pages this way).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFigures, type FigureFile } from '../../src/viz/figure-files.js';
import { isUserError } from '../../src/util/errors.js';

const svg = (i: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><title>${i}</title></svg>`;

function files(dir: string, n: number): FigureFile[] {
  return Array.from({ length: n }, (_, i) => ({ svg: svg(i), svgPath: join(dir, `f${i}.svg`) }));
}

describe('writeFigures shared between drawers', () => {
  it('draws the files before `from` itself and only the claimed ones after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-claims-'));
    const list = files(dir, 10);
    const claims = new Int32Array(new SharedArrayBuffer(4));
    claims[0] = 5; // another drawer already took the first five shared files (indices 2..6)
    await writeFigures(list, { staged: true, shared: { claims, from: 2 } });
    const made = list.map((f) => existsSync(f.svgPath!));
    expect(made).toEqual([true, true, false, false, false, false, false, true, true, true]);
    expect(readFileSync(list[8].svgPath!, 'utf8')).toBe(svg(8));
    expect(claims[0]).toBeGreaterThanOrEqual(8);
  });

  it('two drawers on one list write every file once between them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-claims2-'));
    const list = files(dir, 25);
    const claims = new Int32Array(new SharedArrayBuffer(4));
    await Promise.all([writeFigures(list, { staged: true, shared: { claims, from: 0 } }), writeFigures(list, { staged: true, shared: { claims, from: 0 } })]);
    for (const [i, f] of list.entries()) expect(readFileSync(f.svgPath!, 'utf8')).toBe(svg(i));
    // 25 files handed out, and each drawer asked once more to learn there was nothing left
    expect(claims[0]).toBe(27);
  });
});

describe('writeFigures tells when its SVGs are drawn', () => {
  it('calls `drawn` once, after every SVG is written and before it resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-drawn-'));
    const list: FigureFile[] = [0, 1, 2].map((i) => ({ svg: svg(i), svgPath: join(dir, `f${i}.svg`), pngPath: join(dir, `f${i}.png`) }));
    const seen: boolean[][] = [];
    let resolved = false;
    const done = writeFigures(list, { drawn: () => seen.push([...list.map((f) => existsSync(f.svgPath!)), resolved]) }).then(() => (resolved = true));
    await done;
    expect(seen).toEqual([[true, true, true, false]]);
    expect(list.every((f) => existsSync(f.pngPath!))).toBe(true);
  });
});

describe('writeFigures on a disk that refuses', () => {
  it('a folder that is a file: one line naming the file, a user error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-refuse-'));
    writeFileSync(join(dir, 'gemeenten'), 'x');
    const target = join(dir, 'gemeenten', 'kaart.svg');
    const e = await writeFigures([{ svg: svg(1), svgPath: target }], { staged: true }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(isUserError(e)).toBe(true);
    expect((e as Error).message).toContain(target);
    expect((e as Error).message).toMatch(/cannot write \(E(EXIST|NOTDIR)/);
    expect((e as Error).message.split("\n")).toHaveLength(1);
  });

  it.runIf(existsSync('/dev/full'))('a full disk (a real ENOSPC from /dev/full), for the SVG and for the PNG', async () => {
    for (const f of [{ svg: svg(2), svgPath: '/dev/full' }, { svg: svg(3), pngPath: '/dev/full' }]) {
      const e = await writeFigures([f], { staged: true }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(isUserError(e)).toBe(true);
      expect((e as Error).message).toBe('/dev/full: cannot write (ENOSPC: the disk is full); expected free some space or choose an --out on another disk');
    }
  });
});
