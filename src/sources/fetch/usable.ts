/**
 * Which of the files an archive brought a run can use, and how to name it in a run
 * configuration: the CBS wijk- en buurtkaart zip holds a GeoPackage (one layer per level) beside
 * PDFs and metadata; the Leefbaarometer zip holds score files per level beside the geometry.
 */

/** A file a run can use, with the configuration field it goes into. */
export interface UsableFile {
  path: string;
  field: string;
  note: string;
}

const LBM_LEVEL: [RegExp, string][] = [
  [/buurt/i, 'buurt'],
  [/wijk/i, 'wijk'],
  [/gemeente/i, 'gemeente'],
];

/**
 * The files of a downloaded archive that `veerkracht run` takes, most useful first.
 *
 * @example usableFiles('boundaries', ['wbk/wijkenbuurten_2023_v1.gpkg', 'wbk/leesmij.pdf'])[0].field // 'inputs.boundaries.t1'
 */
export function usableFiles(kind: 'boundaries' | 'leefbaarometer', files: readonly string[]): UsableFile[] {
  const out: UsableFile[] = [];
  if (kind === 'boundaries') {
    const rank = (f: string) => (/\.gpkg$/i.test(f) ? 0 : /\.(geo)?json$/i.test(f) ? 1 : /\.topojson$/i.test(f) ? 2 : /\.shp$/i.test(f) ? 3 : 9);
    for (const f of [...files].filter((x) => rank(x) < 9).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))) {
      const note = /\.gpkg$/i.test(f) ? 'GeoPackage: the layer of the run\'s level (buurten, wijken, gemeenten) is chosen by itself' : /\.shp$/i.test(f) ? 'shapefile (with its .dbf and .prj beside it)' : 'boundaries';
      out.push({ path: f, field: 'inputs.boundaries.t1', note });
    }
    return out;
  }
  for (const f of [...files].sort()) {
    if (!/\.(csv|xlsx)$/i.test(f) || !/score/i.test(f)) continue;
    const level = LBM_LEVEL.find(([re]) => re.test(f.split(/[\\/]/).pop() ?? f))?.[1];
    out.push({ path: f, field: 'inputs.leefbaarometer', note: level ? `scores per ${level}${level === 'buurt' ? '' : ` (with "indicators": { "O": { "dimension": "onv", "level": "${level}" } } on a finer map)`}` : 'scores' });
  }
  return out;
}
