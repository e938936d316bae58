// Bounds on what a user types: a 6,000-character title made a 62,411 px wide SVG (1.4 GiB peak);
// titles and labels are cut for drawing, with a warning, and the figures stay their normal size.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { runJob } from '../../src/run/job.js';

const home = new URL('../..', import.meta.url).pathname;

it('a 6,000-character title is cut on the maps, with a warning, and the map keeps its width', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'vk-title-')), 'out');
  const title = `Signaleringskaart ${'x'.repeat(6000)}`;
  const { result } = await runJob({ ...demoConfig(home), title }, out);
  expect(result.reports.warnings).toContain('titel van 6018 tekens ingekort tot 120 op de kaarten');
  const svg = readFileSync(join(out, 'signaleringskaart.svg'), 'utf8');
  const width = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
  expect(width).toBeLessThan(2000);
  expect(svg).not.toContain('x'.repeat(200));
  expect(svg).toContain('…');
}, 120_000);
