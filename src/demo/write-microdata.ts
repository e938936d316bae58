/**
 * Microdata aggregates as they leave CBS remote access: buurt × jaar × groep × status with
 * counts of persons, on each year's own indeling, cells below 10 suppressed as `x`.
 * Columns: `buurtcode,jaar,groep,status,aantal_personen`; groep ∈ totaal, kwetsbaar,
 * laag_inkomen; status ∈ instroom (moved into the buurt during the year), zittend (lived there
 * on 1 January of the year before as well).
 */
import { rngFor, utf8 } from './format.js';
import type { DemoModel } from './model.js';
import { INDELING_CHANGE_YEAR, KWB_YEARS } from './options.js';

/** Cells with fewer persons than this are suppressed. */
export const MICRODATA_MIN_CELL = 10;
/** File name inside the output folder. */
export const MICRODATA_FILE = 'microdata/synthetisch_microdata_buurt_jaar_groep_status.csv';

/** The aggregates file (bytes). */
export function microdataCsv(model: DemoModel): Uint8Array {
  const { region, population: p, kwetsbaarheid: k } = model;
  const lines = ['buurtcode,jaar,groep,status,aantal_personen'];
  KWB_YEARS.forEach((year, yi) => {
    const indeling = year < INDELING_CHANGE_YEAR ? region.indelingA : region.indelingB;
    for (const bu of indeling) {
      let tin = 0;
      let tzit = 0;
      let kin = 0;
      let kzit = 0;
      let lin = 0;
      let lzit = 0;
      for (const c of bu.cells) {
        const inw = p.inwoners[yi][c];
        const ins = inw * k.instroom[c];
        const kwIn = Math.min(0.95, k.kwetsbaar[yi][c] + k.instroomExtra[c]);
        const kwAll = inw * k.kwetsbaar[yi][c];
        const low = Math.min(0.95, (1.15 * k.laagInkomen[yi][c]) / 100);
        tin += ins;
        tzit += inw - ins;
        kin += ins * kwIn;
        kzit += Math.max(0, kwAll - ins * kwIn);
        lin += ins * Math.min(0.95, 1.3 * low);
        lzit += (inw - ins) * low;
      }
      const rng = rngFor(model.options.seed, `micro|${bu.code}|${year}`);
      const count = (v: number): string => {
        const n = Math.max(0, Math.round(v + rng.normal(0, 0.3 * Math.sqrt(v))));
        return n < MICRODATA_MIN_CELL ? 'x' : String(n);
      };
      const cells: Array<[string, string, number]> = [
        ['totaal', 'instroom', tin],
        ['totaal', 'zittend', tzit],
        ['kwetsbaar', 'instroom', kin],
        ['kwetsbaar', 'zittend', kzit],
        ['laag_inkomen', 'instroom', lin],
        ['laag_inkomen', 'zittend', lzit],
      ];
      for (const [groep, status, v] of cells) lines.push(`${bu.code},${year},${groep},${status},${count(v)}`);
    }
  });
  return utf8(lines.join('\n') + '\n');
}
