/**
 * Generate every file of the synthetic region in memory: path inside the output folder → bytes.
 * Pure and seeded: the same options give byte-identical files.
 */
import { corporatieFiles } from './write-corporatie.js';
import { verhuringenPeriodeFiles } from './write-verhuringen.js';
import { kwbFiles } from './write-kwb.js';
import { kwbSymbolsCsv } from './write-kwb-symbols.js';
import { ODATA_EDITION_YEAR } from './kwb-keys.js';
import { buildModel, type DemoModel } from './model.js';
import { demoOptions, type DemoOptions } from './options.js';
import { demoReadme } from './readme.js';
import { measure, type DemoStats } from './stats.js';
import { truthCsv, TRUTH_FILE } from './truth.js';
import { geoFiles } from './write-geo.js';
import { leefbaarometerCsv, LBM_FILE } from './write-leefbaarometer.js';
import { microdataCsv, MICRODATA_FILE } from './write-microdata.js';

/** The generated region: files, the model behind them and measured statistics. */
export interface DemoOutput {
  files: Map<string, Uint8Array>;
  model: DemoModel;
  stats: DemoStats;
}

/**
 * Generate the demo region.
 * @param options preset and seed (default: the committed demo region)
 * @example generateDemo().files.get('README.md') // the README bytes
 */
export function generateDemo(options: DemoOptions = demoOptions()): DemoOutput {
  const model = buildModel(options);
  const files = new Map<string, Uint8Array>();
  const lbm = leefbaarometerCsv(model);
  for (const [k, v] of kwbFiles(model, ODATA_EDITION_YEAR)) files.set(k, v);
  const symbols = kwbSymbolsCsv(model);
  files.set(symbols.name, symbols.bytes);
  files.set(LBM_FILE, lbm);
  for (const [k, v] of geoFiles(model)) files.set(k, v);
  for (const [k, v] of corporatieFiles(model)) files.set(k, v);
  for (const [k, v] of verhuringenPeriodeFiles(model)) files.set(k, v);
  files.set(MICRODATA_FILE, microdataCsv(model));
  files.set(TRUTH_FILE, truthCsv(model));
  const stats = measure(model, new TextDecoder().decode(lbm));
  files.set('README.md', new TextEncoder().encode(demoReadme(model, stats, files)));
  const sorted = new Map(Array.from(files.entries()).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { files: sorted, model, stats };
}
