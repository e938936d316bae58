import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPath, writeFileAtomic } from '../../src/export/atomic.js';
import { VeerkrachtError } from '../../src/util/errors.js';

describe('writeFileAtomic', () => {
  it('replaces the previous file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-atomic-'));
    const file = join(dir, 'a.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('creates missing folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-atomic-'));
    writeFileAtomic(join(dir, 'x', 'y', 'b.bin'), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(join(dir, 'x', 'y', 'b.bin'))]).toEqual([1, 2, 3]);
  });
});

describe('outputPath', () => {
  it('keeps names inside the output folder', () => {
    expect(outputPath('/tmp/out', 'kaart.svg')).toBe('/tmp/out/kaart.svg');
    expect(outputPath('/tmp/out', 'sub/kaart.svg')).toBe('/tmp/out/sub/kaart.svg');
  });
  it.each(['../kaart.svg', '/etc/passwd', 'sub/../../x', '.'])('rejects %s', (name) => {
    expect(() => outputPath('/tmp/out', name)).toThrow(VeerkrachtError);
  });
});
