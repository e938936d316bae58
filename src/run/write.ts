/**
 * The write step of `veerkracht run`: render the figures and write every output file. Nothing is
 * computed here but the rendering; every file is written atomically inside the output folder,
 * and the same inputs give byte-identical files (no timestamps, sorted keys).
 */
import { outputPath } from '../export/atomic.js';
import { writeCsvFile, writeGeoJsonFile, writeHtmlFile, writePngFile, writeSummaryJson, writeSvgFile } from '../export/files.js';
import { attributesByCode, toGeoJson } from '../export/geojson.js';
import type { SignalResult } from './compute.js';
import type { RunFigures } from './figures.js';
import type { Progress } from './load.js';
import { buildSummary, signalRows } from './summary.js';

/**
 * Write all outputs of a run into `outDir`; returns the file names written (relative to outDir).
 */
export async function writeRunOutputs(r: SignalResult, figures: RunFigures, outDir: string, progress: Progress = () => {}): Promise<string[]> {
  const written: string[] = [];

  progress('kaarten tekenen (SVG, PNG)');
  const signalSvg = await writeSvgFile(outputPath(outDir, 'signaleringskaart.svg'), figures.signaleringskaart);
  written.push('signaleringskaart.svg', 'signaleringskaart.png');
  const focusSvg = await writeSvgFile(outputPath(outDir, 'focuskaart.svg'), figures.focuskaart);
  written.push('focuskaart.svg', 'focuskaart.png');
  // the PNGs rasterise on the thread pool while the other files are written
  const pngs = Promise.all([
    writePngFile(outputPath(outDir, 'signaleringskaart.png'), signalSvg),
    writePngFile(outputPath(outDir, 'focuskaart.png'), focusSvg),
  ]);
  pngs.catch(() => undefined); // a failure surfaces at `await pngs`, not as an unhandled rejection

  progress('drempelverkenner (HTML)');
  writeHtmlFile(outputPath(outDir, 'signaleringskaart.html'), figures.explorer.spec, figures.explorer.page);
  written.push('signaleringskaart.html');

  progress('GeoJSON en CSV');
  const rows = signalRows(r.signalen);
  const attributes = attributesByCode(rows);
  writeGeoJsonFile(outputPath(outDir, 'signalen.geojson'), toGeoJson(r.boundaries.features, { crs: r.boundaries.crs, attributes }));
  writeCsvFile(outputPath(outDir, 'signalen.csv'), rows, { dialect: 'excel-nl' });
  writeCsvFile(outputPath(outDir, 'signalen-plain.csv'), rows, { dialect: 'plain' });
  writeSummaryJson(outputPath(outDir, 'matrix-handelingskaders.json'), r.matrix);
  written.push('signalen.geojson', 'signalen.csv', 'signalen-plain.csv', 'matrix-handelingskaders.json', 'samenvatting.json');
  writeSummaryJson(outputPath(outDir, 'samenvatting.json'), buildSummary(r, written));
  await pngs;
  return written;
}
