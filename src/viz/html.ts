/**
 * Self-contained offline HTML for a Vega-Lite spec: vega, vega-lite and vega-embed inlined
 * from their node_modules builds, a Content-Security-Policy that forbids every request
 * (`default-src 'none'`; inline scripts and styles, and `unsafe-eval` for Vega's expression
 * compiler, are allowed), all text escaped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { VegaLiteSpec } from './compile.js';
import { escapeHtml, scriptJson } from './escape.js';
import { NL_NUMBER_LOCALE } from './locale.js';
import type { ExplorerMeta } from './explorer.js';
import { EXPLORER_CSS, EXPLORER_SCRIPT, explorerControlsHtml } from './explorer-page.js';

/** The CSP of the offline pages. */
export const OFFLINE_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:";

/** Options for {@link offlineHtml}. */
export interface OfflineHtmlOptions {
  /** Page title (escaped). */
  title: string;
  /** Short explanation under the title (plain text, escaped). */
  description?: string;
  /** Folder to resolve vega's packages from (default: the current working directory). */
  resolveFrom?: string;
}

let libs: { key: string; scripts: string[] } | undefined;

/**
 * The minified builds of vega, vega-lite and vega-embed, in load order.
 *
 * @throws Error when the packages cannot be found from `from` nor from the running script.
 */
export function vegaLibraries(from = process.cwd()): string[] {
  if (libs !== undefined && libs.key === from) return libs.scripts;
  // from the given folder (a project or notebook folder), else from the running script (the CLI)
  const bases = [join(from, 'noop.js')];
  if (process.argv[1] !== undefined) bases.push(process.argv[1]);
  const resolve = (pkg: string): string => {
    for (const base of bases) {
      try {
        return createRequire(base).resolve(pkg);
      } catch {
        // try the next base
      }
    }
    throw new Error(`offlineHtml: package ${pkg} not found from ${bases.join(' or ')}`);
  };
  const files: [string, string][] = [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ];
  const scripts = files.map(([pkg, file]) => {
    const text = readFileSync(join(dirname(resolve(pkg)), file), 'utf8');
    // a literal "</script" inside a library would end the inline script early
    return text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  });
  libs = { key: from, scripts };
  return scripts;
}


/**
 * One self-contained HTML page showing `spec` with vega-embed (SVG renderer unless the explorer
 * asks for canvas, no action menu,
 * tooltips on, Dutch number format). Opens from disk without any network request. A threshold
 * explorer spec (`usermeta.veerkrachtExplorer`, from `explorerSpec`) gets its controls above
 * the view (src/viz/explorer-page.ts).
 *
 * @example writeFileAtomic('kaart.html', offlineHtml(explorerSpec(geo, rows, opts), { title: 'Signaleringskaart' }))
 */
export function offlineHtml(spec: VegaLiteSpec, o: OfflineHtmlOptions): string {
  const [vega, vegaLite, vegaEmbed] = vegaLibraries(o.resolveFrom);
  const meta = (spec.usermeta as { veerkrachtExplorer?: ExplorerMeta } | undefined)?.veerkrachtExplorer;
  const embedOptions = { mode: 'vega-lite', actions: false, renderer: meta?.renderer ?? 'svg', formatLocale: NL_NUMBER_LOCALE };
  // no schema URL in the page: nothing in it should even look like a remote address
  const { $schema: _schema, ...inline } = spec;
  const buurten = meta === undefined ? [] : explorerBuurtNames(spec);
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(OFFLINE_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.title)}</title>`,
    '<style>body{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5em;color:#222}h1{font-size:1.3em;margin:0 0 .3em}' +
      'p.uitleg{max-width:60em}.vega-bindings{margin-top:1em}.vega-bind{margin:.4em 0}.vega-bind-name{display:inline-block;min-width:14em}' +
      '#fout{color:#a00;white-space:pre-wrap}' + (meta !== undefined ? EXPLORER_CSS : '') + '</style>',
    '</head>',
    meta !== undefined ? '<body class="verkenner">' : '<body>',
    `<h1>${escapeHtml(o.title)}</h1>`,
    o.description !== undefined ? `<p class="uitleg">${escapeHtml(o.description)}</p>` : '',
    meta !== undefined ? explorerControlsHtml(meta, buurten) : '',
    '<div id="kaart"></div>',
    '<div id="fout"></div>',
    `<script>${vega}</script>`,
    `<script>${vegaLite}</script>`,
    `<script>${vegaEmbed}</script>`,
    `<script id="spec" type="application/json">${scriptJson(inline)}</script>`,
    meta !== undefined ? `<script>${EXPLORER_SCRIPT}</script>` : '',
    '<script>',
    '(function () {',
    '  var spec = JSON.parse(document.getElementById("spec").textContent);',
    `  vegaEmbed("#kaart", spec, ${scriptJson(embedOptions)}).then(function (r) { window.veerkrachtView = r.view;` +
      (meta !== undefined ? ' veerkrachtExplorer(r.view, spec);' : '') +
      ' document.body.setAttribute("data-rendered", "1"); })',
    '    .catch(function (e) { document.getElementById("fout").textContent = "Kaart kon niet worden getekend: " + e.message; console.error(e); });',
    '})();',
    '</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Names and codes of the explorer's buurten (its inline dataset), for the search suggestions. */
function explorerBuurtNames(spec: VegaLiteSpec): { code: string; naam: string | null }[] {
  const data = (spec.datasets as { buurten?: { properties: { code: string; naam: string | null } }[] } | undefined)?.buurten ?? [];
  return data.map((f) => ({ code: f.properties.code, naam: f.properties.naam }));
}
