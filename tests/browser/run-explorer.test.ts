/**
 * The threshold explorer of the REAL `veerkracht run` output (demo region, with gemeente
 * outlines), in headless Chromium at 1280 × 720: hovering buurten gives their tooltip (naam,
 * code, ΔK, ΔO, references, inwoners, category, in Dutch notation), the categories and counts
 * agree with the run's own files, the controls fit the screen, readouts are Dutch and rounded,
 * the subtitle and legend follow the variant, the gemeente selector zooms and recounts, search
 * finds a buurt by name and by code, wheel and drag zoom and pan, and "Bewaar deze drempels"
 * shows and downloads the run-configuration fragment. Needs `npm run build` (the CLI runs from
 * dist/). Skipped with a message when /usr/bin/chromium is absent, unless VEERKRACHT_REQUIRE_BROWSER=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_COLOURS, SIGNAL_LABELS } from '../../src/signal/categories.js';
import { demoInputs } from '../helpers/demo-inputs.js';
import { Browser, CHROMIUM } from './cdp.js';

const available = existsSync(CHROMIUM);
const required = process.env.VEERKRACHT_REQUIRE_BROWSER === '1';
if (!available && !required) console.warn(`browser test skipped: ${CHROMIUM} not found (set VEERKRACHT_REQUIRE_BROWSER=1 to make this a failure)`);

const ROOT = resolve(__dirname, '../..');

interface Props {
  code: string;
  naam: string | null;
  gemeente: string;
  inwoners: number | null;
  dK: number | null;
  dO: number | null;
  refK: number | null;
  refO: number | null;
  categorie: string;
  signaal: string;
  categorie_absoluut: string;
  categorie_relatief: string;
}

/** Dutch notation, computed here independently of the page: decimal comma, thousands dot, U+2212. */
function nl(x: number, d: number): string {
  const s = Math.abs(x).toFixed(d);
  const [i, f] = s.split('.');
  return (x < 0 && Number(s) !== 0 ? '\u2212' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (f !== undefined ? `,${f}` : '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!available && !required)('explorer of the real run output in headless Chromium (1280 × 720)', () => {
  let browser: Browser;
  let session: string;
  let url: string;
  let out: string;
  let downloads: string;
  let buurten: Props[];
  let summary: {
    variants: Record<string, Record<string, { buurten: number; inwoners: number }>>;
    parameters: { variant: string; thresholds: { K: { value: number }; O: { value: number } }; reference: { absoluut: { K: number | string; O: number | string } } };
  };

  const evaluate = (expr: string) => browser.evaluate(session, expr);
  const signal = (name: string) => evaluate(`window.veerkrachtView.signal(${JSON.stringify(name)})`);
  /** Let the page's requestAnimationFrame and Vega's dataflow settle. */
  const settle = () => evaluate(`new Promise(r => requestAnimationFrame(() => window.veerkrachtView.runAsync().then(() => requestAnimationFrame(() => r(1)))))`);
  /** The counts panel: label → [buurten, inwoners] (parsed from "19 buurten · 33.850 inw."). */
  const counts = async (): Promise<Record<string, [number, number]>> => {
    const rows = (await evaluate(
      `(() => { const d = window.veerkrachtView.scenegraph(); const out = []; (function walk(n) { if (!n) return; if (n.items) n.items.forEach(walk); if (n.datum && typeof n.datum.tekst === 'string' && n.text !== undefined) out.push([n.datum.signaal, n.text]); })(d.root); return out; })()`,
    )) as [string, string][];
    const res: Record<string, [number, number]> = {};
    for (const [label, text] of rows) {
      const m = /^([\d.]+) buurt(?:en)? · ([\d.]+) inw\.$/.exec(text);
      if (m === null) throw new Error(`count text not in Dutch notation: ${text}`);
      res[label] = [Number(m[1].replace(/\./g, '')), Number(m[2].replace(/\./g, ''))];
    }
    return res;
  };
  const expectedCounts = (members: Props[], category: (b: Props) => string): Record<string, [number, number]> => {
    const res: Record<string, [number, number]> = {};
    for (const c of Object.keys(SIGNAL_LABELS) as (keyof typeof SIGNAL_LABELS)[]) res[SIGNAL_LABELS[c]] = [0, 0];
    for (const b of members) {
      const r = res[SIGNAL_LABELS[category(b) as keyof typeof SIGNAL_LABELS]];
      r[0] += 1;
      r[1] += b.inwoners ?? 0;
    }
    return res;
  };

  /** The buurt paths of the map (items with a tooltip), by code. */
  const BUURT_PATHS = `Array.from(document.querySelectorAll('#kaart path')).filter(p => p.__data__ && p.__data__.tooltip && p.__data__.datum && p.__data__.datum.properties)`;

  /** Hover the buurt like a mouse does and return the tooltip text ('' when none appeared). */
  const hover = async (code: string): Promise<string> => {
    // a point well inside the buurt's shape (3 px from its edges), whatever lies on top of it:
    // where a person would point; nearest to the middle of its box
    const inside = (await evaluate(`(() => {
      const el = ${BUURT_PATHS}.find(p => p.__data__.datum.properties.code === ${JSON.stringify(code)});
      if (!el) return null;
      const r = el.getBoundingClientRect(), m = el.getScreenCTM().inverse();
      const fill = (x, y) => el.isPointInFill(new DOMPoint(x, y).matrixTransform(m));
      let best = null, bestD = Infinity;
      for (let i = 1; i < 30; i++) for (let j = 1; j < 30; j++) {
        const x = r.left + r.width * i / 30, y = r.top + r.height * j / 30;
        if (![[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3]].every(([dx, dy]) => fill(x + dx, y + dy))) continue;
        const d = Math.hypot(i - 15, j - 15);
        if (d < bestD) { bestD = d; best = [x, y]; }
      }
      return best;
    })()`)) as [number, number] | null;
    if (inside === null) throw new Error(`buurt ${code} is not drawn`);
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 2, y: 2 }, session);
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: inside[0], y: inside[1] }, session);
    for (let i = 0; i < 20; i++) {
      await sleep(50);
      const t = String(await evaluate(`(() => { const e = document.getElementById('vg-tooltip-element'); return e && e.classList.contains('visible') ? e.textContent : ''; })()`));
      if (t.includes(code)) return t;
    }
    return '';
  };

  beforeAll(async () => {
    if (!available) throw new Error(`VEERKRACHT_REQUIRE_BROWSER=1 but ${CHROMIUM} is not installed`);
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/cli/main.js missing: run `npm run build` before this test');
    out = mkdtempSync(join(tmpdir(), 'vk-run-html-'));
    downloads = mkdtempSync(join(tmpdir(), 'vk-downloads-'));
    execFileSync(process.execPath, [join(ROOT, 'bin/veerkracht.js'), 'run', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    buurten = (JSON.parse(readFileSync(join(out, 'signalen.geojson'), 'utf8')) as { features: { properties: Props }[] }).features.map((f) => f.properties);
    summary = JSON.parse(readFileSync(join(out, 'samenvatting.json'), 'utf8'));
    url = pathToFileURL(join(out, 'signaleringskaart.html')).href;
    browser = Browser.launch();
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    session = ((await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }).sessionId;
    for (const d of ['Runtime.enable', 'Log.enable', 'Network.enable', 'Page.enable']) await browser.send(d, {}, session);
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false }, session);
    await browser.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    await browser.send('Page.navigate', { url }, session);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const state = await evaluate(`(document.body && document.body.getAttribute('data-rendered')) || (document.getElementById('fout') || {}).textContent || ''`);
      if (state === '1') break;
      if (typeof state === 'string' && state !== '') throw new Error(`page reported: ${state}`);
      if (Date.now() > deadline) throw new Error('map not rendered within 60 s');
      await sleep(100);
    }
    await settle();
  });

  afterAll(async () => {
    if (browser !== undefined) await browser.close();
  });

  it('the run output has gemeente outlines drawn over the buurten', async () => {
    const gemeenten = new Set(buurten.map((b) => b.gemeente));
    expect(gemeenten.size).toBeGreaterThan(1);
    const outlines = (await evaluate(
      `Array.from(document.querySelectorAll('#kaart path')).filter(p => p.__data__ && p.__data__.datum && p.__data__.datum.properties && /^GM/.test(p.__data__.datum.properties.code)).length`,
    )) as number;
    expect(outlines).toBe(gemeenten.size);
  });

  it('shows the tooltip of hovered buurten: naam, code, gemeente, ΔK, ΔO, references, inwoners, category', async () => {
    // two buurten of every category the run gave, first by code: a deterministic, varied sample
    const sample: Props[] = [];
    for (const c of Object.keys(SIGNAL_LABELS)) sample.push(...buurten.filter((b) => b.categorie === c).slice(0, 2));
    expect(sample.length).toBeGreaterThanOrEqual(8);
    const variant = summary.parameters.variant;
    const failed: string[] = [];
    for (const b of sample) {
      const text = await hover(b.code);
      if (text === '') {
        failed.push(b.code);
        continue;
      }
      const want = [
        `Buurt${b.naam}`,
        `Code${b.code}`,
        `Gemeente${b.gemeente}`,
        // the demo's K is a KWB percentage with one decimal; onv scores are shown to three
        `ΔK (%-punt)${b.dK === null ? 'geen gegevens' : nl(b.dK, 1)}`,
        `Referentie ΔK${b.refK === null ? 'geen gegevens' : nl(b.refK, 1)} (${variant})`,
        `ΔO (onv)${b.dO === null ? 'geen gegevens' : nl(b.dO, 3)}`,
        `Referentie ΔO${b.refO === null ? 'geen gegevens' : nl(b.refO, 3)} (${variant})`,
        `Inwoners${b.inwoners === null ? 'geen gegevens' : nl(b.inwoners, 0)}`,
        // the explorer starts from the run's thresholds and variant: the run's category
        `Signaal${b.signaal}`,
      ];
      for (const w of want) expect(text, `${b.code}: ${text}`).toContain(w);
    }
    expect(failed, `no tooltip for ${failed.length} of ${sample.length} hovered buurten`).toEqual([]);
  });

  it('fills each buurt in the colour of the run\'s category; "onvoldoende gegevens" is not page white', async () => {
    const fills = (await evaluate(
      `Object.fromEntries(${BUURT_PATHS}.map(p => [p.__data__.datum.properties.code, (p.getAttribute('fill') || '').toUpperCase()]))`,
    )) as Record<string, string>;
    expect(Object.keys(fills)).toHaveLength(buurten.length);
    for (const b of buurten) expect(fills[b.code], b.code).toBe(SIGNAL_COLOURS[b.categorie as keyof typeof SIGNAL_COLOURS].toUpperCase());
    expect(buurten.some((b) => b.categorie === 'onvoldoende_gegevens')).toBe(true);
    expect(SIGNAL_COLOURS.onvoldoende_gegevens.toUpperCase()).not.toBe('#FFFFFF');
  });

  it('counts buurten and inwoners per category as samenvatting.json does, for both variants', async () => {
    const variant = summary.parameters.variant;
    const other = variant === 'relatief' ? 'absoluut' : 'relatief';
    const asCounts = (v: Record<string, { buurten: number; inwoners: number }>) =>
      Object.fromEntries(Object.entries(v).map(([c, x]) => [SIGNAL_LABELS[c as keyof typeof SIGNAL_LABELS], [x.buurten, x.inwoners]]));
    expect(await counts()).toEqual(asCounts(summary.variants[variant]));
    await evaluate(`document.querySelector('input[name=variant][value=${other}]').click()`);
    await settle();
    expect(await signal('variant')).toBe(other);
    expect(await counts()).toEqual(asCounts(summary.variants[other]));
    await evaluate(`document.querySelector('input[name=variant][value=${variant}]').click()`);
    await settle();
  });

  it('fits the controls and the map on a 1280 × 720 screen without scrolling', async () => {
    const boxes = (await evaluate(
      `Array.from(document.querySelectorAll('#bediening input, #bediening select, #bediening button, #bediening output')).map(e => { const r = e.getBoundingClientRect(); return [e.id || e.name || e.tagName, r.right, r.bottom, r.width]; })`,
    )) as [string, number, number, number][];
    expect(boxes.length).toBeGreaterThanOrEqual(10);
    for (const [id, right, bottom, w] of boxes) {
      expect(w, id).toBeGreaterThan(0);
      expect(right, id).toBeLessThanOrEqual(1280);
      expect(bottom, id).toBeLessThanOrEqual(720);
    }
    const plot = (await evaluate(`(() => { const r = document.querySelector('#kaart .concat_0_group path.background').getBoundingClientRect(); return [r.right, r.bottom]; })()`)) as [number, number];
    expect(plot[0]).toBeLessThanOrEqual(1280);
    expect(plot[1]).toBeLessThanOrEqual(720);
    expect(await evaluate('window.scrollY')).toBe(0);
    expect(await evaluate('document.documentElement.scrollHeight')).toBeLessThanOrEqual(720);
    expect(await evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    if (process.env.VEERKRACHT_SCREENSHOT !== undefined) {
      const shot = (await browser.send('Page.captureScreenshot', { format: 'png' }, session)) as { data: string };
      writeFileSync(process.env.VEERKRACHT_SCREENSHOT, Buffer.from(shot.data, 'base64'));
    }
  });

  it('writes slider readouts in Dutch notation, rounded; no raw float anywhere on the page', async () => {
    const readouts = (await evaluate(`[document.getElementById('drempelK-waarde').textContent, document.getElementById('drempelO-waarde').textContent]`)) as string[];
    // the demo's ΔK has one decimal (KWB percentages): the band steps by 0,1; onv by 0,001
    expect(readouts[0]).toBe(nl(summary.parameters.thresholds.K.value, 1));
    expect(readouts[1]).toBe(nl(summary.parameters.thresholds.O.value, 3));
    const texts = (await evaluate(`document.body.innerText + ' ' + Array.from(document.querySelectorAll('#kaart text')).map(t => t.textContent).join(' ')`)) as string;
    expect(texts).not.toMatch(/\d\.\d{4,}/);
    expect(texts).not.toMatch(/\d,\d+, \d/); // no decimal commas inside comma-separated intervals
  });

  it('follows the chosen variant in the subtitle and the legend title', async () => {
    // a multi-line title is one <text> with a <tspan> per line
    const texts = () => evaluate(`Array.from(document.querySelectorAll('#kaart text, #kaart tspan')).map(t => t.textContent)`) as Promise<string[]>;
    for (const v of ['absoluut', 'relatief', 'absoluut']) {
      await evaluate(`document.querySelector('input[name=variant][value=${v}]').click()`);
      await settle();
      const t = await texts();
      const other = v === 'absoluut' ? 'relatief' : 'absoluut';
      expect(t).toContain(`Periode 2014–2022 · ${v}`);
      expect(t).toContain(`Signaal 2014–2022 · ${v}`);
      expect(t.join(' | ')).not.toContain(`· ${other}`);
    }
  });

  it('zooms to a chosen gemeente and recounts buurten and inwoners for it', async () => {
    const gm = [...new Set(buurten.map((b) => b.gemeente))].sort()[1];
    const members = buurten.filter((b) => b.gemeente === gm);
    await evaluate(`(() => { const s = document.getElementById('gemeente'); s.value = ${JSON.stringify(gm)}; s.dispatchEvent(new Event('change')); })()`);
    await settle();
    expect(await signal('gemeente')).toBe(gm);
    expect(await signal('zoom')).toBeGreaterThan(1.2);
    const variant = (await signal('variant')) as string;
    expect(await counts()).toEqual(expectedCounts(members, (b) => (variant === 'absoluut' ? b.categorie_absoluut : b.categorie_relatief)));
    const inwoners = members.reduce((s, b) => s + (b.inwoners ?? 0), 0);
    const gmNaam = (members[0] as unknown as { gemeentenaam?: string | null }).gemeentenaam;
    const label = gmNaam ? `${gmNaam} (${gm})` : gm;
    expect(await evaluate(`document.getElementById('telling').textContent`)).toBe(`${label}: ${nl(members.length, 0)} buurten, ${nl(inwoners, 0)} inwoners`);
    // every buurt of the gemeente lies inside the plot, and the gemeente fills most of it
    const inside = (await evaluate(`(() => {
      const plot = document.querySelector('#kaart .concat_0_group path.background').getBoundingClientRect();
      const els = ${BUURT_PATHS}.filter(p => p.__data__.datum.properties.gm === ${JSON.stringify(gm)});
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, out = 0;
      for (const e of els) { const r = e.getBoundingClientRect(); x0 = Math.min(x0, r.left); y0 = Math.min(y0, r.top); x1 = Math.max(x1, r.right); y1 = Math.max(y1, r.bottom); if (r.left < plot.left - 1 || r.right > plot.right + 1 || r.top < plot.top - 1 || r.bottom > plot.bottom + 1) out++; }
      return { n: els.length, out, fill: Math.max((x1 - x0) / plot.width, (y1 - y0) / plot.height) };
    })()`)) as { n: number; out: number; fill: number };
    expect(inside.n).toBe(members.length);
    expect(inside.out).toBe(0);
    expect(inside.fill).toBeGreaterThan(0.8);
    await evaluate(`(() => { const s = document.getElementById('gemeente'); s.value = ''; s.dispatchEvent(new Event('change')); })()`);
    await settle();
    expect(await signal('zoom')).toBe(1);
    expect(await signal('gemeente')).toBe('');
  });

  it('finds a buurt by name and by code, zooms to it and marks it', async () => {
    const target = buurten.filter((b) => b.naam !== null && buurten.filter((x) => x.naam === b.naam).length === 1)[7];
    for (const q of [target.naam!.toLowerCase(), target.code]) {
      await evaluate(`(() => { const s = document.getElementById('zoek'); s.value = ${JSON.stringify(q)}; s.dispatchEvent(new Event('change')); })()`);
      await settle();
      expect(await signal('zoek')).toBe(target.code);
      expect(await evaluate(`document.getElementById('zoekresultaat').textContent`)).toContain(`${target.naam} (${target.code}, ${target.gemeente})`);
      expect(await signal('zoom')).toBeGreaterThan(2);
      // its tooltip is reachable under the marking outline
      expect(await hover(target.code)).toContain(`Code${target.code}`);
    }
    await evaluate(`document.getElementById('hele-kaart').click()`);
    await settle();
    expect(await signal('zoom')).toBe(1);
  });

  it('zooms with the mouse wheel and pans by dragging', async () => {
    const plot = (await evaluate(`(() => { const r = document.querySelector('#kaart .concat_0_group path.background').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)) as [number, number];
    const [cx0, cy0] = [(await signal('cx')) as number, (await signal('cy')) as number];
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: plot[0], y: plot[1], deltaX: 0, deltaY: -120 }, session);
    await settle();
    const z = (await signal('zoom')) as number;
    expect(z).toBeGreaterThan(1.1);
    // zooming about the middle keeps the centre (within a pixel)
    const [cx1, cy1] = [(await signal('cx')) as number, (await signal('cy')) as number];
    const scale = (await evaluate(`window.veerkrachtView.signal('zoom') * JSON.parse(document.getElementById('spec').textContent).usermeta.veerkrachtExplorer.view.scale`)) as number;
    expect(Math.abs(cx1 - cx0) * scale).toBeLessThan(1);
    expect(Math.abs(cy1 - cy0) * scale).toBeLessThan(1);
    await browser.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: plot[0], y: plot[1], button: 'left', clickCount: 1 }, session);
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: plot[0] + 100, y: plot[1] + 50, button: 'left' }, session);
    await browser.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: plot[0] + 100, y: plot[1] + 50, button: 'left', clickCount: 1 }, session);
    await settle();
    // dragging right by 100 px moves the centre 100 px west; down by 50 px moves it 50 px north
    expect((await signal('cx')) as number).toBeCloseTo(cx1 - 100 / scale, 3);
    expect((await signal('cy')) as number).toBeCloseTo(cy1 + 50 / scale, 3);
    await evaluate(`document.getElementById('hele-kaart').click()`);
    await settle();
  });

  it('"Bewaar deze drempels" shows and downloads the run-configuration fragment of what is on screen', async () => {
    await evaluate(`(() => { const s = document.getElementById('drempelK'); s.value = '0.8'; s.dispatchEvent(new Event('input', { bubbles: true })); const o = document.getElementById('drempelO'); o.value = '0.031'; o.dispatchEvent(new Event('input', { bubbles: true })); document.querySelector('input[name=variant][value=absoluut]').click(); })()`);
    await settle();
    expect(await evaluate(`document.getElementById('drempelK-waarde').textContent`)).toBe('0,8');
    expect(await evaluate(`document.getElementById('drempelO-waarde').textContent`)).toBe('0,031');
    await evaluate(`document.getElementById('bewaar').click()`);
    const shown = JSON.parse(String(await evaluate(`document.getElementById('fragment').textContent`)));
    expect(shown).toEqual({ reference: { variant: 'absoluut' }, thresholds: { K: 0.8, O: 0.031 } });
    let file = '';
    for (let i = 0; i < 100 && file === ''; i++) {
      await sleep(50);
      const done = readdirSync(downloads).filter((f) => !f.endsWith('.crdownload'));
      if (done.length > 0) file = join(downloads, done[0]);
    }
    expect(file, 'download of the fragment').not.toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(shown);
    // the counts on screen are those of the library rule with the saved thresholds (absoluut reference of the run)
    const ref = summary.parameters.reference.absoluut;
    if (typeof ref.K === 'number' && typeof ref.O === 'number') {
      const cat = (b: Props): string => {
        if (b.categorie === 'onvoldoende_gegevens' || b.dK === null || b.dO === null) return b.categorie_absoluut;
        const up = b.dK - (ref.K as number) > 0.8;
        const worse = b.dO - (ref.O as number) < -0.031;
        return up ? (worse ? 'veerkracht_onder_druk' : 'kwetsbaarheid_neemt_toe') : worse ? 'leefbaarheid_verslechtert' : 'geen_signaal';
      };
      expect(await counts()).toEqual(expectedCounts(buurten, cat));
    }
    // `veerkracht run` with the saved fragment in its configuration gives the counts on screen
    const onScreen = await counts();
    const work = mkdtempSync(join(tmpdir(), 'vk-saved-'));
    const cfg = { title: 'Demoregio met bewaarde drempels', synthetic: true, period: { t0: 2014, t1: 2022 }, inputs: demoInputs(), ...JSON.parse(readFileSync(file, 'utf8')) };
    writeFileSync(join(work, 'run.json'), JSON.stringify(cfg));
    execFileSync(process.execPath, [join(ROOT, 'bin/veerkracht.js'), 'run', '--config', join(work, 'run.json'), '--out', join(work, 'out')], { cwd: ROOT, stdio: 'pipe' });
    const rerun = JSON.parse(readFileSync(join(work, 'out', 'samenvatting.json'), 'utf8')) as { categories: Record<string, { label: string; buurten: number; inwoners: number }> };
    const fromRun: Record<string, [number, number]> = {};
    for (const c of Object.values(rerun.categories)) fromRun[c.label] = [c.buurten, c.inwoners];
    expect(fromRun).toEqual(onScreen);
  });

  it('logged no error and requested nothing but the page itself', () => {
    expect(browser.pageErrors()).toEqual([]);
    expect(browser.requestsBeyond(url)).toEqual([]);
  });
});
