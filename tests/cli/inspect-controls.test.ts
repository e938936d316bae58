import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { escapeControls } from '../../src/cli/commands/inspect.js';

const dir = mkdtempSync(join(tmpdir(), 'vk-inspect-controls-'));
const ESC = '\u001b';
const BEL = '\u0007';
/** A header with a colour sequence, an OSC window-title sequence ended by BEL, and a bidi override. */
const header = ['code', `dk${ESC}[31m${BEL}`, `naam${ESC}]0;pwned${BEL}`, 'x\u202egpj.exe'];
const file = join(dir, 'hostile.csv');
writeFileSync(file, `${header.join(',')}\nBU03440101,0.1,Binnenstad,1\n`, 'utf8');

/** Any character a terminal acts on, except newline and tab (independent of the code's own list). */
function rawControls(s: string): number[] {
  const bad: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) bad.push(c);
  }
  return bad;
}

describe('inspect does not echo terminal control sequences (issue 22)', () => {
  it('text output shows ESC, BEL and bidi overrides escaped', async () => {
    const r = await runCli(['inspect', file]);
    expect(r.code).toBe(0);
    expect(rawControls(r.out)).toEqual([]);
    expect(r.out).toContain('dk'); // the column is still listed (escaped, or cleaned by the reader)
  });

  it('JSON output has no raw controls and still parses', async () => {
    const r = await runCli(['inspect', file, '--json']);
    expect(r.code).toBe(0);
    expect(rawControls(r.out)).toEqual([]);
    const d = JSON.parse(r.out) as { columns: { name: string }[] };
    expect(d.columns).toHaveLength(4);
  });

  it('escapeControls keeps newlines, tabs and ordinary text (accents, €) as they are', () => {
    expect(escapeControls('Súdwest-Fryslân\t€ 5\n')).toBe('Súdwest-Fryslân\t€ 5\n');
    expect(escapeControls(`a${ESC}b\u009bc\u007f`)).toBe('a\\u001bb\\u009bc\\u007f');
  });
});
