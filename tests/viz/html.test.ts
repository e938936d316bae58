import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, scriptJson } from '../../src/viz/escape.js';
import { explorerSpec } from '../../src/viz/explorer.js';
import { OFFLINE_CSP, offlineHtml, vegaLibraries } from '../../src/viz/html.js';
import { GRID_CODES, grid } from './fixtures.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const BREAKOUT = '</script><script>alert(2)</script><!--\u2028\u2029&amp;';

function page(): string {
  const rows = GRID_CODES.map((code, i) => ({
    code,
    naam: i === 0 ? HOSTILE : i === 1 ? BREAKOUT : `Buurt ${i}`,
    dK: i - 4,
    dO: (4 - i) / 100,
    refKAbsoluut: 0,
    refOAbsoluut: 0,
    refKRelatief: 0.5,
    refORelatief: 0,
    inwoners: 100 * i,
  }));
  const spec = explorerSpec(grid(), rows, { tK: 1, tO: 0.02, title: `Kaart ${HOSTILE}`, synthetic: true });
  return offlineHtml(spec, { title: `Signalen ${HOSTILE}`, description: `Uitleg ${BREAKOUT}` });
}

/** The page with the contents of every <script> element removed (what the HTML parser sees as markup). */
function markupOnly(html: string): string {
  return html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');
}

describe('offlineHtml', () => {
  const html = page();

  it('never contains a data string unescaped', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('</script><script>alert(2)');
    expect(markupOnly(html)).toContain(`<title>Signalen ${escapeHtml(HOSTILE)}</title>`);
    expect(markupOnly(html)).toContain(escapeHtml(`Uitleg ${BREAKOUT}`));
  });

  it('carries the spec as JSON that parses back to the original names', () => {
    const m = /<script id="spec" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    const body = m![1];
    expect(body).not.toMatch(/[<>&\u2028\u2029]/);
    const spec = JSON.parse(body);
    const names = spec.datasets.buurten.map((f: { properties: { naam: string } }) => f.properties.naam);
    expect(names.slice(0, 2)).toEqual([HOSTILE, BREAKOUT]);
    expect(spec.$schema).toBeUndefined();
  });

  it('has exactly the scripts we put in (3 libraries, the spec, the explorer controls, the embed call), in order', () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script>', '<script>', '<script>', '<script id="spec" type="application/json">', '<script>', '<script>']);
    // a plain map has no explorer controls
    const plain = offlineHtml({ mark: 'point', data: { values: [] } }, { title: 'Kaart' });
    expect(plain.match(/<script\b[^>]*>/g) ?? []).toEqual(['<script>', '<script>', '<script>', '<script id="spec" type="application/json">', '<script>']);
    expect(plain).not.toContain('id="bediening"');
  });

  it('puts the explorer controls above the map, with the names escaped', () => {
    const markup = markupOnly(html);
    for (const id of ['drempelK', 'drempelO', 'gemeente', 'zoek', 'bewaar', 'inzoomen', 'uitzoomen', 'hele-kaart']) expect(markup).toContain(`id="${id}"`);
    expect(markup.indexOf('id="bediening"')).toBeLessThan(markup.indexOf('id="kaart"'));
    expect(markup).toContain(`<option value="${escapeHtml(`${HOSTILE} (${GRID_CODES[0]})`)}">`);
    // the two gemeenten of the grid, derived from the buurt codes
    expect(markup).toContain('<option value="GM0001">GM0001</option><option value="GM0002">GM0002</option>');
  });

  it('forbids every request by CSP and references no remote resource', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(OFFLINE_CSP)}">`);
    expect(OFFLINE_CSP).toMatch(/^default-src 'none';/);
    expect(OFFLINE_CSP).not.toMatch(/https?:|\*/);
    const markup = markupOnly(html);
    // attribute names only: an (escaped) buurt name inside a quoted value is text, not an attribute
    const tags = (markup.match(/<[A-Za-z][^>]*>/g) ?? []).map((t) => t.replace(/"[^"]*"/g, '""'));
    expect(tags.filter((t) => /\s(src|href|action|poster|data|srcset)\s*=/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /^<(link|img|iframe|object|embed|base|video|audio|source)\b/i.test(t))).toEqual([]);
    expect(markup).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
  });
});

describe('vegaLibraries', () => {
  it('finds the three builds from another folder too (falls back to the running script)', () => {
    const libs = vegaLibraries('/');
    expect(libs).toHaveLength(3);
    expect(libs[0]).toContain('.vega={}');
    expect(libs[1]).toContain('.vegaLite={}');
    expect(libs[2]).toContain('.vegaEmbed=');
    for (const l of libs) expect(l).not.toMatch(/<\/script/i);
  });
});

describe('escape helpers', () => {
  it('escapeHtml escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('scriptJson round-trips through JSON.parse', () => {
    const v = { s: BREAKOUT, n: [1, 2], t: 'a>b&c' };
    expect(JSON.parse(scriptJson(v))).toEqual(v);
  });
  it('scriptJson escapes exactly what the regular expression of the definition escapes, nothing else', () => {
    const reference = (x: unknown) => JSON.stringify(x).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('<', '>', '&', '\u2028', '\u2029', '</script>', '<!--', 'é', '—', '\\u003c'), fc.string())), (parts) => {
        const v = { t: parts.join(''), list: parts };
        const out = scriptJson(v);
        expect(out).toBe(reference(v));
        expect(out).not.toMatch(/[<>&\u2028\u2029]/);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(scriptJson({ plain: 'niets' })).toBe('{"plain":"niets"}');
  });
});
