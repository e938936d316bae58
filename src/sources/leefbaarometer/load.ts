/**
 * Load a Leefbaarometer 3.0 score file (buurt, wijk, gemeente, PC4 or 100 m grid) into a long
 * table `code, naam?, jaar, lbm, afw, fys, onv, soc, vrz, won` plus class columns (`kscore`, …)
 * and their labels, with the published consistency checks in the load report.
 */
import { table } from 'arquero';
import { VeerkrachtError, showValue } from '../../util/errors.js';
import { sha256Hex } from '../csv/checksum.js';
import { DEFAULT_MISSING_SYMBOLS, parseNumberCell } from '../csv/number.js';
import { parseDelimitedGrid } from '../csv/read.js';
import { gridCellText, type CellGrid } from '../csv/records.js';
import { LbmGridCells, LbmRowCells, type LbmCells } from './cells.js';
import { readFileBytes } from '../csv/reader.js';
import type { ColumnMeta, DroppedRows, LoadedTable } from '../types.js';
import { checkAfwSum, checkReference, decimalsOf, type AfwSumCheck, type LbmReference } from './checks.js';
import { isLbmClassColumn, lbmClassLabel, parseLbmClass } from './classes.js';
import { findLbmCodeColumn, lbmLevelOfCode, normalizeLbmCode, type LbmLevel } from './level.js';
import { isWideLbmHeader, wideToLong } from './wide.js';
import { LBM_SCORES, LEEFBAAROMETER_YEARS, hasDimensions } from './years.js';
import { countDropped } from '../dropped.js';
import { dialectWarnings } from '../csv/warnings.js';

/** A loaded Leefbaarometer file: the table plus its level, years and check results. */
export interface LeefbaarometerTable extends LoadedTable {
  level: LbmLevel;
  /** Years present, ascending. */
  years: number[];
  checks: {
    afwSum: AfwSumCheck;
    /** lbm − afw per year (the national reference). */
    reference: LbmReference[];
    /** Rows with dimension values in a year without published dimensions (2002–2012, 2016). */
    dimensionsOutOfYear: { count: number; examples: string[] };
  };
}

const TITLES: Record<string, string> = {
  lbm: 'Leefbaarometer totaalscore',
  afw: 'Afwijking van de landelijke referentie (fys+onv+soc+vrz+won)',
  fys: 'Fysieke omgeving',
  onv: 'Overlast en onveiligheid',
  soc: 'Sociale samenhang',
  vrz: 'Voorzieningen',
  won: 'Woningvoorraad',
};


/** The rows of a grid as strings (for the wide layout, which is turned long as strings). */
function gridRows(grid: CellGrid): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const row = new Array<string>(grid.width);
    for (let j = 0; j < grid.width; j++) row[j] = gridCellText(grid, r, j);
    rows.push(row);
  }
  return { rows, lines: grid.lines };
}

/**
 * Parse Leefbaarometer scores from bytes or text (long or wide layout, any delimiter, decimal
 * point or comma, `NA` and the other missing symbols → null).
 *
 * Rows are dropped (and counted) for an invalid code of the file's level, a duplicate code and
 * year (the first is kept), and, in wide files, an area/year without any score. Warnings report
 * afw-sum violations, a non-constant `lbm − afw` per year, dimension values in years without
 * dimensions and years that are not Leefbaarometer years.
 *
 * @param input file bytes or text
 * @param options `file` for messages and provenance
 * @throws VeerkrachtError when there is no code, `jaar` or `lbm` column, or a cell is not a
 *   number / a class 1–9 / a year (naming file, line and column)
 * @example parseLeefbaarometer('wk_code,jaar,lbm,afw\nWK034401,2002,3.96,-0.14\n').level // 'wijk'
 */
export function parseLeefbaarometer(input: string | Uint8Array, options: { file?: string; sheet?: string | number } = {}): LeefbaarometerTable {
  const file = options.file;
  // the common file comes back as bounds in its text (no string per score cell); a wide one is
  // turned long as rows of strings
  const d = parseDelimitedGrid(input, { file, sheet: options.sheet });
  const headerLine = d.dialect.headerLine;
  const warnings: string[] = [];
  const drops = new Map<string, DroppedRows>();
  let header = d.header;
  const wide = isWideLbmHeader(header);
  const sourceRows = 'grid' in d ? d.grid.rows : d.rows.length;
  let cells: LbmCells;
  if (wide) {
    const src = 'grid' in d ? gridRows(d.grid) : d;
    const long = wideToLong(header, src.rows, src.lines);
    header = long.header;
    cells = new LbmRowCells(long.rows, long.lines);
  } else cells = 'grid' in d ? new LbmGridCells(d.grid) : new LbmRowCells(d.rows, d.lines);
  const lower = header.map((h) => h.trim().toLowerCase());
  const codeCol = findLbmCodeColumn(header);
  if (codeCol === null) {
    throw new VeerkrachtError('no code column in Leefbaarometer file', {
      file,
      line: headerLine,
      expected: 'bu_code, wk_code, gm_code, pc4, grid_id or code',
      found: showValue(header.join(','), 80),
    });
  }
  const jaarCol = lower.findIndex((h) => h === 'jaar' || h === 'year');
  if (jaarCol < 0) throw new VeerkrachtError('no jaar column', { file, line: headerLine, column: 'jaar', expected: 'a column jaar (or wide columns like lbm_2014)' });
  const scoreCols = LBM_SCORES.map((s) => lower.indexOf(s));
  if (scoreCols[0] < 0) throw new VeerkrachtError('no lbm column', { file, line: headerLine, column: 'lbm', expected: 'the total score column lbm' });
  const absent = LBM_SCORES.filter((_, i) => scoreCols[i] < 0);
  if (absent.length > 0) warnings.push(`columns ${absent.join(', ')} are absent: their values are null`);
  const classCols = lower.map((h, j) => (isLbmClassColumn(h) ? j : -1)).filter((j) => j >= 0);
  let level = codeCol.level;
  if (level === null) {
    for (let r = 0; r < cells.rows; r++) {
      level = lbmLevelOfCode(cells.text(r, codeCol.index));
      if (level !== null) break;
    }
    if (level === null) {
      throw new VeerkrachtError('cannot tell the level of the codes', { file, line: cells.rows > 0 ? cells.line(0) : undefined, column: codeCol.name, expected: 'BU…, WK…, GM… or 4-digit pc4 codes' });
    }
  }
  const prefix = { buurt: 'bu', wijk: 'wk', gemeente: 'gm', pc4: 'pc4', grid: 'grid' }[level];
  let naamCol = lower.indexOf(`${prefix}_naam`);
  if (naamCol < 0) naamCol = lower.indexOf('naam');
  const used = new Set([codeCol.index, jaarCol, naamCol, ...scoreCols, ...classCols]);
  const ignored = header.filter((_, j) => !used.has(j));
  if (ignored.length > 0) warnings.push(`columns not used: ${ignored.join(', ')}`);

  const cols: Record<string, unknown[]> = { code: [] };
  if (naamCol >= 0) cols.naam = [];
  cols.jaar = [];
  for (const s of LBM_SCORES) cols[s] = [];
  const classNames = classCols.map((j) => lower[j]);
  for (const c of classNames) {
    cols[c] = [];
    cols[`${c}_label`] = [];
  }
  // the checks' inputs as columns (seven values per kept row; NaN = missing), not an object per row
  const nScores = LBM_SCORES.length;
  const nRows = cells.rows;
  const checkValues = new Float64Array(nRows * nScores);
  const checkDecimals = new Float64Array(nRows * nScores);
  const checkLines: number[] = [];
  // years kept per code: the duplicate check without a `code|jaar` string per row
  const seen = new Map<string, number[]>();
  let yearsOf: string | null = null;
  let seenYears: number[] | undefined;
  const outOfYear: string[] = [];
  let outOfYearCount = 0;
  let noDims = 0;
  const plain = { value: 0, decimals: 0 };
  const classArrays = classNames.map((c) => cols[c]);
  const labelArrays = classNames.map((c) => cols[`${c}_label`]);
  // a row's code and name are those of the row before in most files (one row per year): the same
  // text gives the same code and name without a new string or normalising it again
  let code: string | null = null;
  let naam: string | null = null;
  let naamRow = -1; // the row `naam` was read from
  for (let r = 0; r < nRows; r++) {
    const line = cells.line(r);
    if (r === 0 || !cells.same(r, r - 1, codeCol.index)) code = normalizeLbmCode(cells.text(r, codeCol.index), level);
    if (code === null) {
      countDropped(drops, `invalid ${level} code`, `line ${line}: ${showValue(cells.text(r, codeCol.index))}`);
      continue;
    }
    const jaar = cells.year(r, jaarCol);
    if (jaar < 0) {
      throw new VeerkrachtError('not a year', { file, line, column: header[jaarCol], expected: 'a four-digit year', found: showValue(cells.text(r, jaarCol).trim()) });
    }
    // the scores go straight into the row's slot of the check columns (NaN = missing; the score
    // columns are made from them below): a row dropped further on leaves its slot to the next
    const o = checkLines.length * nScores;
    let anyValue = false;
    for (let i = 0; i < nScores; i++) {
      const j = scoreCols[i];
      let v: number | null = null;
      let d = Infinity;
      if (j >= 0 && !cells.isNA(r, j)) {
        // fast path for plain numbers (their decimals from the same scan); everything else
        // through the shared cell parser
        if (cells.plain(r, j, plain)) {
          v = plain.value;
          d = plain.decimals;
        } else {
          const cell = cells.text(r, j);
          v = parseNumberCell(cell, { file, line, column: header[j], decimal: cell.includes(',') ? ',' : '.' });
          if (v !== null) d = decimalsOf(cell);
        }
      }
      if (v !== null) anyValue = true;
      checkValues[o + i] = v === null ? NaN : v;
      checkDecimals[o + i] = d;
    }
    const classes: (number | null)[] = [];
    let anyClass = false;
    for (const j of classCols) {
      const k = parseLbmClass(cells.text(r, j), DEFAULT_MISSING_SYMBOLS as string[]);
      if (k === undefined) {
        throw new VeerkrachtError('not a Leefbaarometer class', { file, line, column: header[j], expected: 'a class 1–9 or its label (Zeer onvoldoende … Uitstekend)', found: showValue(cells.text(r, j)) });
      }
      if (k !== null) anyClass = true;
      classes.push(k);
    }
    if (wide && !anyValue && !anyClass) {
      countDropped(drops, 'no scores for this year (wide layout)', `line ${line}: ${code} ${jaar}`);
      continue;
    }
    // (the rows of one area mostly follow each other: its years are those of the row before)
    let years = code === yearsOf ? seenYears : seen.get(code);
    if (years !== undefined && years.includes(jaar)) {
      countDropped(drops, 'duplicate code and jaar (first kept)', `line ${line}: ${code} ${jaar}`);
      continue;
    }
    if (years === undefined) seen.set(code, (years = [jaar]));
    else years.push(jaar);
    yearsOf = code;
    seenYears = years;
    let dims = 0;
    for (let i = 2; i < nScores; i++) if (!Number.isNaN(checkValues[o + i])) dims++;
    if (hasDimensions(jaar) && dims === 0) noDims++;
    if (!hasDimensions(jaar) && dims > 0) {
      outOfYearCount++;
      if (outOfYear.length < 5) outOfYear.push(`line ${line} (${code} ${jaar})`);
    }
    cols.code.push(code);
    if (naamCol >= 0) {
      if (naamRow < 0 || !cells.same(r, naamRow, naamCol)) {
        const n = cells.text(r, naamCol).trim();
        naam = n === '' ? null : n;
        naamRow = r;
      }
      cols.naam.push(naam);
    }
    cols.jaar.push(jaar);
    for (let i = 0; i < classes.length; i++) {
      classArrays[i].push(classes[i]);
      labelArrays[i].push(lbmClassLabel(classes[i]));
    }
    checkLines.push(line);
  }
  // the score columns of the kept rows, null where missing
  for (let i = 0; i < nScores; i++) {
    const out = cols[LBM_SCORES[i]];
    for (let x = i; x < checkLines.length * nScores; x += nScores) {
      const v = checkValues[x];
      out.push(Number.isNaN(v) ? null : v);
    }
  }

  const checkColumns = { n: checkLines.length, lines: checkLines, codes: cols.code as string[], jaar: cols.jaar as number[], values: checkValues, decimals: checkDecimals };
  const afwSum = checkAfwSum(checkColumns);
  const reference = checkReference(checkColumns);
  if (afwSum.violations > 0) {
    warnings.push(`afw ≠ fys+onv+soc+vrz+won in ${afwSum.violations} of ${afwSum.checked} rows (beyond published rounding), e.g. ${afwSum.examples.join('; ')}`);
  }
  if (afwSum.partial > 0) warnings.push(`${afwSum.partial} rows have some but not all five dimensions: afw sum not checkable there`);
  for (const ref of reference) {
    if (!ref.constant) {
      warnings.push(`lbm − afw is not constant in ${ref.jaar}: spread ${+ref.spreiding.toPrecision(4)} around ${+ref.referentie.toFixed(4)} (expected one national reference per year)`);
    }
  }
  if (outOfYearCount > 0) {
    warnings.push(`${outOfYearCount} rows have dimension values in a year without published dimensions (2002–2012, 2016), e.g. ${outOfYear.join('; ')}`);
  }
  if (noDims > 0 && absent.length < 5) warnings.push(`${noDims} rows in years with dimensions (2014 on, not 2016) have no dimension values`);
  const years = [...new Set(cols.jaar as number[])].sort((a, b) => a - b);
  const odd = years.filter((y) => !LEEFBAAROMETER_YEARS.includes(y));
  if (odd.length > 0) warnings.push(`years that are not Leefbaarometer years: ${odd.join(', ')}`);
  if (wide) warnings.push(`wide layout: ${sourceRows} areas turned into ${nRows} area-year rows`);
  warnings.push(...dialectWarnings(d.dialect, { header: d.header }));

  const columns: ColumnMeta[] = Object.keys(cols).map((name) => {
    const missing = cols[name].filter((v) => v === null).length;
    if (name in TITLES) return { name, title: TITLES[name], unit: 'score', missing };
    if (isLbmClassColumn(name)) return { name, title: `Klasse ${name.slice(1)} (1–9)`, unit: 'klasse', missing };
    if (name.endsWith('_label')) return { name, title: `Klasse ${name.slice(1, -6)} (label)`, missing };
    if (name === 'code') return { name, sourceKey: codeCol.name, title: `${level} code`, missing };
    return { name, missing };
  });
  const dropped = [...drops.values()];
  return {
    table: table(cols),
    columns,
    provenance: {
      kind: 'leefbaarometer',
      file,
      checksum: typeof input === 'string' ? undefined : sha256Hex(input),
      year: years.length > 0 ? years[years.length - 1] : undefined,
      edition: `Leefbaarometer 3.0 (${level})`,
      attribution: 'Leefbaarometer 3.0, BZK',
    },
    report: { rowsRead: nRows, rowsKept: cols.code.length, dropped, warnings },
    level,
    years,
    checks: { afwSum, reference, dimensionsOutOfYear: { count: outOfYearCount, examples: outOfYear } },
  };
}

/**
 * Read a Leefbaarometer score file (see {@link parseLeefbaarometer}).
 *
 * @example const lbm = loadLeefbaarometer('Leefbaarometer-scores wijken 2002-2022.csv'); lbm.years
 */
export function loadLeefbaarometer(path: string, options: { sheet?: string | number } = {}): LeefbaarometerTable {
  return parseLeefbaarometer(readFileBytes(path), { file: path, sheet: options.sheet });
}
