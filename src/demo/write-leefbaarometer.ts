/**
 * Leefbaarometer 3.0 buurt scores in the official long CSV layout (`bu_code, bu_naam, jaar, lbm,
 * afw, fys, onv, soc, vrz, won`, `NA` for missing, UTF-8 without BOM), all years on the latest
 * indeling as the real open-data files are. Dimensions are rounded to 6 decimals first; `afw` is
 * their exact decimal sum and `lbm = afw + 4.1023` in every row; 2016 has no dimension scores.
 */
import { DIMENSIES } from './leefbaarheid.js';
import type { DemoModel } from './model.js';
import { KWB_YEARS, LBM_REFERENCE, LBM_YEARS } from './options.js';
import { csvField, utf8 } from './format.js';

/** Buurten with fewer inhabitants than this get `NA` scores (too few dwellings to score). */
export const LBM_MIN_INWONERS = 50;

/** File name inside the output folder. */
export const LBM_FILE = 'leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv';

/** Print an integer number of millionths as a decimal with 6 decimals. */
export function formatMicro(n: number): string {
  const neg = n < 0;
  const a = Math.abs(n);
  const s = `${Math.floor(a / 1e6)}.${String(a % 1e6).padStart(6, '0')}`;
  return neg ? `-${s}` : s;
}

/** The Leefbaarometer buurt file (bytes). */
export function leefbaarometerCsv(model: DemoModel): Uint8Array {
  const { region, dimensies, population } = model;
  const ref = Math.round(LBM_REFERENCE * 1e6);
  const lines = ['bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won'];
  const last = KWB_YEARS.length - 1;
  for (const bu of region.indelingB) {
    let inw = 0;
    for (const c of bu.cells) inw += population.inwoners[last][c];
    LBM_YEARS.forEach((year, li) => {
      const head = `${bu.code},${csvField(bu.naam, ',')},${year}`;
      if (inw < LBM_MIN_INWONERS) {
        lines.push(`${head},NA,NA,NA,NA,NA,NA,NA`);
        return;
      }
      const yi = KWB_YEARS.indexOf(year);
      let wsum = 0;
      const sums = DIMENSIES.map(() => 0);
      for (const c of bu.cells) {
        const w = population.inwoners[yi][c] + 1;
        wsum += w;
        DIMENSIES.forEach((d, k) => {
          sums[k] += w * dimensies[d][li][c];
        });
      }
      const micro = sums.map((s) => Math.round((s / wsum) * 1e6));
      const afw = micro.reduce((a, b) => a + b, 0);
      const dims = year === 2016 ? DIMENSIES.map(() => 'NA') : micro.map(formatMicro);
      lines.push(`${head},${formatMicro(afw + ref)},${formatMicro(afw)},${dims.join(',')}`);
    });
  }
  return utf8(lines.join('\n') + '\n');
}
