import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';

describe('veerkracht inspect on the Leefbaarometer wijk file and the pc6 table', () => {
  it('detects the Leefbaarometer file and describes it as JSON', async () => {
    const r = await runCli(['inspect', sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(JSON.stringify(j)).toContain('leefbaarometer');
    expect(JSON.stringify(j)).toContain('26366');
  });
  it('detects the pc6 huisnummer table', async () => {
    const r = await runCli(['inspect', sharedData('pc6/pc6hnr20250801_gwb_head100.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('pc6-huisnummer');
  });
});
