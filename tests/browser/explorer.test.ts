/**
 * The offline threshold explorer of a planted 4 × 4 grid with gemeente outlines, opened in
 * headless Chromium (Debian `chromium`) with both renderers (SVG, the default for small maps, and
 * canvas, the default above 2,000 buurten): it renders the map (the screenshot shows the signal
 * colours), every buurt gives its tooltip under the outlines, it logs no error, makes no network
 * request, keeps a hostile buurt name inert, and recolours and recounts when a slider moves.
 * (tests/browser/run-explorer.test.ts does the same on the real `veerkracht run` output.)
 * Skipped with a message when /usr/bin/chromium is absent, unless VEERKRACHT_REQUIRE_BROWSER=1.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlFile } from '../../src/viz/files.js';
import { SIGNAL_COLOURS } from '../../src/signal/categories.js';
import { explorerSpec } from '../../src/viz/explorer.js';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';
import { Browser, CHROMIUM, decodePng } from './cdp.js';

const available = existsSync(CHROMIUM);
const required = process.env.VEERKRACHT_REQUIRE_BROWSER === '1';
if (!available && !required) console.warn(`browser test skipped: ${CHROMIUM} not found (set VEERKRACHT_REQUIRE_BROWSER=1 to make this a failure)`);

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A 4 × 4 grid of buurten in RD; ΔK rises left to right, ΔO falls bottom to top. */
function fixture(): { geo: { features: RegionFeature[]; crs: 'EPSG:28992' }; rows: Parameters<typeof explorerSpec>[1]; outlines: { features: RegionFeature[]; crs: 'EPSG:28992' } } {
  const features: RegionFeature[] = [];
  const rows: Parameters<typeof explorerSpec>[1][number][] = [];
  for (let i = 0; i < 16; i++) {
    const x = 150000 + (i % 4) * 1000;
    const y = 450000 + Math.floor(i / 4) * 1000;
    const code = `BU0001${String(i).padStart(4, '0')}`;
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]]] }, properties: { code, name: null } });
    rows.push({
      code,
      naam: i === 5 ? HOSTILE : `Buurt ${i}`,
      dK: (i % 4) - 1.5,
      dO: -(Math.floor(i / 4) - 1.5) / 20,
      refKAbsoluut: 0,
      refOAbsoluut: 0,
      refKRelatief: 0.25,
      refORelatief: 0,
      inwoners: 1000 + i,
      geldig: i !== 15,
    });
  }
  // two gemeenten over the grid: columns 0–1 and 2–3 (drawn on top of the buurten)
  const gm = (code: string, x: number): RegionFeature => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [[[x, 450000], [x + 2000, 450000], [x + 2000, 454000], [x, 454000], [x, 450000]]] },
    properties: { code, name: null },
  });
  return { geo: { features, crs: 'EPSG:28992' }, rows, outlines: { features: [gm('GM0001', 150000), gm('GM0002', 152000)], crs: 'EPSG:28992' } };
}

describe.skipIf(!available && !required).each(['svg', 'canvas'] as const)('threshold explorer in headless Chromium (%s renderer)', (renderer) => {
  let browser: Browser;
  let session: string;
  let url: string;

  beforeAll(async () => {
    if (!available) throw new Error(`VEERKRACHT_REQUIRE_BROWSER=1 but ${CHROMIUM} is not installed`);
    const { geo, rows, outlines } = fixture();
    const file = join(mkdtempSync(join(tmpdir(), 'vk-html-')), 'signaleringskaart.html');
    writeHtmlFile(file, explorerSpec(geo, rows, { tK: 1, tO: 0.02, variant: 'absoluut', title: 'Verkenner', synthetic: true, outlines, renderer }), { title: `Verkenner ${HOSTILE}` });
    url = pathToFileURL(file).href;
    browser = Browser.launch();
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    session = ((await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }).sessionId;
    for (const d of ['Runtime.enable', 'Log.enable', 'Network.enable', 'Page.enable']) await browser.send(d, {}, session);
    await browser.send('Page.navigate', { url }, session);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = await browser.evaluate(session, `(document.body && document.body.getAttribute('data-rendered')) || (document.getElementById('fout') || {}).textContent || ''`);
      if (state === '1') break;
      if (typeof state === 'string' && state !== '') throw new Error(`page reported: ${state}`);
      if (Date.now() > deadline) throw new Error('map not rendered within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    if (browser !== undefined) await browser.close();
  });

  /**
   * Per buurt (in grid order): its fill and the screen point of its centre, from Vega's
   * scenegraph (the same for SVG and canvas): item bounds are relative to the map's group, which
   * sits at padding + origin + its offset on the drawing surface.
   */
  const buurten = async (): Promise<{ code: string; fill: string; x: number; y: number }[]> =>
    (await browser.evaluate(
      session,
      `(() => {
        const v = window.veerkrachtView, surface = document.querySelector('#kaart canvas, #kaart svg.marks');
        const r = surface.getBoundingClientRect(), p = v.padding(), o = [v.origin()[0] + p.left, v.origin()[1] + p.top], out = [];
        (function walk(node, gx, gy) {
          if (!node) return;
          if (node.marktype === 'group') { (node.items || []).forEach(g => (g.items || []).forEach(m => walk(m, gx + (g.x || 0), gy + (g.y || 0)))); return; }
          (node.items || []).forEach(it => {
            if (it.tooltip && it.datum && it.datum.properties && it.bounds) out.push({ code: it.datum.properties.code, fill: String(it.fill).toUpperCase(), x: r.left + o[0] + gx + (it.bounds.x1 + it.bounds.x2) / 2, y: r.top + o[1] + gy + (it.bounds.y1 + it.bounds.y2) / 2 });
          });
        })(v.scenegraph().root, 0, 0);
        return out.sort((a, b) => (a.code < b.code ? -1 : 1));
      })()`,
    )) as { code: string; fill: string; x: number; y: number }[];
  const fills = async (): Promise<string[]> => (await buurten()).map((b) => b.fill);

  /** Move the mouse to (x, y) and return the tooltip text ('' when none shows `want`). */
  const hoverAt = async (x: number, y: number, want: string): Promise<string> => {
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 1, y: 1 }, session);
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, session);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const text = String(await browser.evaluate(session, `(() => { const e = document.getElementById('vg-tooltip-element'); return e && e.classList.contains('visible') ? e.textContent : ''; })()`));
      if (text.includes(want)) return text;
    }
    return '';
  };

  it('draws with the chosen renderer', async () => {
    expect(await browser.evaluate(session, `document.querySelectorAll('#kaart canvas').length`)).toBe(renderer === 'canvas' ? 1 : 0);
  });

  it('renders every buurt in the signal colours and shows them in the screenshot', async () => {
    const f = await fills();
    expect(f).toHaveLength(16);
    const palette = Object.values(SIGNAL_COLOURS).map((c) => c.toUpperCase());
    for (const c of f) expect(palette).toContain(c);
    expect(new Set(f).size).toBeGreaterThanOrEqual(4);

    const shot = (await browser.send('Page.captureScreenshot', { format: 'png' }, session)) as { data: string };
    const png = Buffer.from(shot.data, 'base64');
    if (process.env.VEERKRACHT_SCREENSHOT !== undefined) writeFileSync(process.env.VEERKRACHT_SCREENSHOT, png);
    const { width, height, rgba } = decodePng(png);
    expect(width).toBeGreaterThan(300);
    let nonWhite = 0;
    let orange = 0;
    for (let i = 0; i < width * height * 4; i += 4) {
      if (rgba[i] < 245 || rgba[i + 1] < 245 || rgba[i + 2] < 245) nonWhite++;
      // #D55E00 (veerkracht onder druk), allowing for anti-aliasing
      if (Math.abs(rgba[i] - 0xd5) < 6 && Math.abs(rgba[i + 1] - 0x5e) < 6 && rgba[i + 2] < 8) orange++;
    }
    expect(nonWhite / (width * height)).toBeGreaterThan(0.05);
    expect(orange).toBeGreaterThan(500);
  });

  it('keeps the hostile buurt name inert (no element created from it)', async () => {
    expect(await browser.evaluate(session, `document.querySelectorAll('img').length`)).toBe(0);
    expect(await browser.evaluate(session, 'document.title')).toBe(`Verkenner ${HOSTILE}`);
  });

  it('shows a tooltip with name, code and category, the hostile name as text only', async () => {
    // buurt 5 is the second column of the second row from the bottom
    const b = (await buurten())[5];
    expect(b.code).toBe('BU00010005');
    const text = await hoverAt(b.x, b.y, 'BU00010005');
    expect(text).toContain(HOSTILE);
    expect(text).toContain('BU00010005');
    expect(text).toMatch(/Signaal/);
    expect(await browser.evaluate(session, `document.querySelectorAll('img').length`)).toBe(0);
  });

  it('gives the tooltip of every buurt, also under the gemeente outlines', async () => {
    const all = await buurten();
    expect(all).toHaveLength(16);
    const missing: string[] = [];
    for (const b of all) if ((await hoverAt(b.x, b.y, b.code)) === '') missing.push(b.code);
    expect(missing).toEqual([]);
  });

  it('zooms with the mouse wheel about the pointer: the buurt under it stays under it', async () => {
    const b = (await buurten())[5];
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: b.x, y: b.y, deltaX: 0, deltaY: -120 }, session);
    await browser.evaluate(session, `new Promise(r => requestAnimationFrame(() => window.veerkrachtView.runAsync().then(() => r(1))))`);
    expect(await browser.evaluate(session, `window.veerkrachtView.signal('zoom')`)).toBeCloseTo(1.25, 6);
    const after = (await buurten())[5];
    expect(Math.abs(after.x - b.x)).toBeLessThan(1);
    expect(Math.abs(after.y - b.y)).toBeLessThan(1);
    await browser.evaluate(session, `document.getElementById('hele-kaart').click()`);
    await browser.evaluate(session, `new Promise(r => requestAnimationFrame(() => window.veerkrachtView.runAsync().then(() => r(1))))`);
    expect(await browser.evaluate(session, `window.veerkrachtView.signal('zoom')`)).toBe(1);
  });

  it('recolours and recounts when the ΔK slider and the variant switch move', async () => {
    const counts = () =>
      browser.evaluate(session, `(() => { const out = []; (function walk(n) { if (!n) return; (n.items || []).forEach(walk); if (n.datum && typeof n.datum.tekst === 'string' && typeof n.text === 'string') out.push(n.text); })(window.veerkrachtView.scenegraph().root); return out.join(' | '); })()`);
    const before = await fills();
    const countsBefore = await counts();
    expect(countsBefore).toMatch(/buurten · .* inw\./);
    // the first range input is tK: 0 makes every buurt with ΔK > 0 "kwetsbaarheid neemt toe" or "onder druk"
    await browser.evaluate(session, `(() => { const s = document.querySelector('input[type=range]'); s.value = '0'; s.dispatchEvent(new Event('input', { bubbles: true })); return new Promise(r => setTimeout(r, 300)); })()`);
    const after = await fills();
    expect(after).not.toEqual(before);
    expect(await counts()).not.toBe(countsBefore);
    await browser.evaluate(session, `(() => { const r = Array.from(document.querySelectorAll('input[type=radio]')).find(e => e.value === 'relatief'); r.click(); return new Promise(res => setTimeout(res, 300)); })()`);
    expect(await browser.evaluate(session, `window.veerkrachtView.signal('variant')`)).toBe('relatief');
    expect(await browser.evaluate(session, `window.veerkrachtView.signal('tK')`)).toBe(0);
  });

  it('logged no error and requested nothing but the page itself', () => {
    expect(browser.pageErrors()).toEqual([]);
    expect(browser.requestsBeyond(url)).toEqual([]);
  });
});
