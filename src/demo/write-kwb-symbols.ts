/**
 * One KWB edition for one gemeente in StatLine's "CSV with statistical symbols" layout, as in
 * the real 2015 Amsterdam export: BOM, `;`, every field quoted, a title line (which says
 * SYNTHETISCH here), topic paths joined with `|`, a units line, region names instead of codes
 * (gemeente, then each wijk followed by its buurten), decimal comma, `.` for suppressed values,
 * a source line at the end, CRLF.
 */
import { formatComma, utf8 } from './format.js';
import { kwbRows } from './kwb-rows.js';
import type { DemoModel } from './model.js';
import { INDELING_CHANGE_YEAR } from './options.js';

/** Edition written in this layout. */
export const SYMBOLS_YEAR = 2015;

const TOPICS: Array<{ path: string; unit: string; value: (v: ReturnType<typeof kwbRows>[number]['values']) => number | string | null; decimals: number }> = [
  { path: 'Bevolking|Aantal inwoners', unit: 'aantal', value: (v) => v.inwoners, decimals: 0 },
  { path: 'Bevolking|Particuliere huishoudens|Huishoudens totaal', unit: 'aantal', value: (v) => v.huishoudens, decimals: 0 },
  { path: 'Wonen|Woningvoorraad', unit: 'aantal', value: (v) => v.woningen, decimals: 0 },
  { path: 'Wonen|Woningen naar eigendom|Huurwoningen in bezit woningcorporaties', unit: '%', value: (v) => v.corporatie, decimals: 0 },
  { path: 'Inkomen|Inkomen van huishoudens|Huishoudens met een laag inkomen', unit: '%', value: (v) => v.laagInkomen, decimals: 1 },
  { path: 'Inkomen|Inkomen van huishoudens|Huish. onder of rond sociaal minimum', unit: '%', value: (v) => v.sociaalMinimum, decimals: 1 },
];

/** File name inside the output folder for gemeente `code`. */
export function symbolsName(code: string): string {
  return `kwb/synthetisch_kwb${SYMBOLS_YEAR}_${code}_statline_symbolen.csv`;
}

/** The export for the first gemeente of the region (bytes). */
export function kwbSymbolsCsv(model: DemoModel): { name: string; bytes: Uint8Array } {
  const gm = model.region.gemeenten[0];
  const names = new Map<string, string>([[gm.code, gm.naam]]);
  for (const w of model.region.wijken) names.set(w.code, w.naam);
  for (const b of SYMBOLS_YEAR < INDELING_CHANGE_YEAR ? model.region.indelingA : model.region.indelingB) names.set(b.code, b.naam);
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const lines = [
    q(`Kerncijfers wijken en buurten ${SYMBOLS_YEAR} (SYNTHETISCH, fictieve demoregio)`),
    q(''),
    [q(''), q('Onderwerp')].join(';'),
    [q(''), ...TOPICS.map((t) => q(t.path))].join(';'),
    [q('Wijken en buurten'), ...TOPICS.map((t) => q(t.unit))].join(';'),
  ];
  for (const r of kwbRows(model, SYMBOLS_YEAR)) {
    if (r.soort === 'Land' || r.gemeentenaam !== gm.naam) continue;
    const cells = TOPICS.map((t) => {
      const v = t.value(r.values);
      return q(v === null ? '.' : formatComma(Number(v), t.decimals)); // fixed decimals: "8,0" as in the real export
    });
    lines.push([q(names.get(r.code) ?? r.code), ...cells].join(';'));
  }
  lines.push(q('Bron: veerkracht demo-generator (synthetisch, naar het CBS-formaat)'));
  return { name: symbolsName(gm.code), bytes: utf8(lines.join('\r\n') + '\r\n', true) };
}
