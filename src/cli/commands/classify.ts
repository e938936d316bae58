import type { ColumnTable } from 'arquero';
import type { Command } from '../command.js';
import { choiceFlag, intFlag, numberFlag, numberListFlag, parseFlags, readCommandTable } from '../command.js';
import { classify, type ClassifyOptions } from '../../classify/classify.js';
import { numericColumn } from '../../classify/column.js';
import { legendOf } from '../../classify/legend.js';
import { schemeFromUserName } from '../../classify/scheme-name.js';
import { SCHEME_NAMES } from '../../classify/types.js';
import { normalizeRegionCode, regionLevel } from '../../regions/codes.js';
import type { RegionLevel } from '../../sources/types.js';
import { isUserError, VeerkrachtError } from '../../util/errors.js';

/** Region levels from fine to coarse. */
const LEVELS: readonly RegionLevel[] = ['buurt', 'wijk', 'gemeente', 'land'];
const PLURAL: Record<RegionLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten', land: 'land' };

/**
 * The region level of every row: from a `level` column, else from the first column whose values
 * are mostly region codes (`code`, `wk_code`, `regiocode`, …); null when the table has neither.
 */
function rowLevels(t: ColumnTable): { levels: (RegionLevel | null)[]; source: string } | null {
  const names = t.columnNames();
  const n = t.numRows();
  if (names.includes('level')) {
    const arr = t.array('level') as ArrayLike<unknown>;
    const levels = Array.from(arr, (v) => (typeof v === 'string' && (LEVELS as readonly string[]).includes(v) ? (v as RegionLevel) : null));
    if (levels.some((l) => l !== null)) return { levels, source: 'level' };
  }
  const candidates = [...names.filter((c) => c === 'code'), ...names.filter((c) => c !== 'code' && /code|regio/i.test(c))];
  for (const c of candidates) {
    const arr = t.array(c) as ArrayLike<unknown>;
    const levels = Array.from(arr, (v) => {
      const code = normalizeRegionCode(v);
      return code === null ? null : regionLevel(code);
    });
    if (levels.filter((l) => l !== null).length * 2 >= n && n > 0) return { levels, source: c };
  }
  return null;
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'Classify a column with a mapclassify-style scheme, with fit measures and legend',
  help: `veerkracht classify FILE --column NAME --scheme NAME [--k N] [--bins LIST] [--level buurt|wijk|gemeente] [--json]

Classify the values of one column of FILE (any table the sources can read) with PySAL
mapclassify semantics: bins are upper bounds, right-closed (class i holds bins[i-1] < x <= bins[i]),
the first class holds the minimum, values above the last bin go to the last class. Reports the
bins, counts per class, ADCM, GADF, TSS, the legend and the missing values (never classified:
they form the class "geen gegevens").

  --column NAME     numeric column to classify
  --scheme NAME     quantiles, equal_interval, fisher_jenks, std_mean, maximum_breaks,
                    head_tail_breaks, box_plot, percentiles, pretty, user_defined, natural_breaks
                    (natural_breaks = seeded k-means; fisher_jenks = the exact optimum).
                    Any case, with hyphens or underscores, or mapclassify's class names
                    (FisherJenks, Quantiles, EqualInterval, …); jenks = fisher_jenks
  --k N             number of classes (default 5) for quantiles, equal_interval, fisher_jenks,
                    maximum_breaks, pretty and natural_breaks
  --bins LIST       upper bounds for user_defined: 20,30 or, with decimal commas, 1,5;2,5;
                    the maximum is added when it lies above the last bound
  --weights NAME    weight column (e.g. inwoners) for weighted quantiles
  --pct LIST        percentiles for percentiles (default 1,10,50,90,99,100)
  --hinge X         IQR multiple for box_plot (default 1.5)
  --multiples LIST  sd multiples for std_mean (default -2,-1,1,2)
  --anchor          std_mean anchored on the mean
  --seed N          seed for natural_breaks (default 0)
  --decimals N      decimals in the legend (default 2)
  --level LEVEL     buurt, wijk or gemeente: classify only the rows of that level (by the
                    table's level column or its region codes). Default: the finest level
                    present; rows of other levels (Nederland, gemeenten, wijken in a KWB
                    file) are left out and reported
  --sheet NAME|N    sheet of an .xlsx workbook, by name or position (default: the first)
  --json            print JSON: scheme, k, bins, counts, adcm, gadf, tss, legend, missing,
                    plus requested_k, effective_k, n, legend_nl, notes, warnings, level,
                    left_out {level: rows}, read_notes
Numbers take a decimal point or comma (--hinge 1,5). A table whose detected format refuses
it (e.g. wk_code,lbm without jaar) is read as a plain table, with a note.

Too few distinct values for the scheme is an error ("Not enough unique values ...").
When ties collapse classes (quantiles), effective_k < requested_k and a warning says why.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      'classify',
      argv,
      {
        column: { type: 'string' },
        scheme: { type: 'string' },
        k: { type: 'string' },
        bins: { type: 'string' },
        weights: { type: 'string' },
        pct: { type: 'string' },
        hinge: { type: 'string' },
        multiples: { type: 'string' },
        anchor: { type: 'boolean' },
        seed: { type: 'string' },
        decimals: { type: 'string' },
        level: { type: 'string' },
        json: { type: 'boolean' },
        sheet: { type: 'string' },
      },
      { min: 1, max: 1, names: 'FILE' },
    );
    const file = positionals[0];
    const column = values.column as string | undefined;
    const schemeText = values.scheme as string | undefined;
    if (!column) throw new VeerkrachtError('--column is required (see veerkracht classify --help)', {}, 2);
    if (!schemeText) throw new VeerkrachtError('--scheme is required (see veerkracht classify --help)', {}, 2);
    const scheme = schemeFromUserName(schemeText);
    if (scheme === null) {
      throw new VeerkrachtError(
        `unknown scheme ${JSON.stringify(schemeText)}; schemes: ${SCHEME_NAMES.join(', ')} (also mapclassify class names such as FisherJenks, any case, hyphens or underscores; jenks = fisher_jenks)`,
        {},
        2,
      );
    }
    if (scheme === 'user_defined' && values.bins === undefined) throw new VeerkrachtError('--scheme user_defined needs --bins LIST', {}, 2);
    const askedLevel = values.level === undefined ? undefined : choiceFlag('classify', 'level', values.level, ['buurt', 'wijk', 'gemeente'] as const, 'buurt', {
      buurten: 'buurt', wijken: 'wijk', gemeenten: 'gemeente', bu: 'buurt', wk: 'wijk', gm: 'gemeente',
    });
    const options: ClassifyOptions = { scheme, k: intFlag('classify', 'k', values.k, 5, 1) };
    if (values.bins !== undefined) options.bins = numberListFlag('classify', 'bins', values.bins as string);
    if (values.pct !== undefined) options.pct = numberListFlag('classify', 'pct', values.pct as string);
    if (values.hinge !== undefined) options.hinge = numberFlag('classify', 'hinge', values.hinge, 1.5);
    if (values.multiples !== undefined) options.multiples = numberListFlag('classify', 'multiples', values.multiples as string);
    if (values.anchor) options.anchor = true;
    if (values.seed !== undefined) options.seed = intFlag('classify', 'seed', values.seed, 0, 0);

    const { loaded, fallback } = await readCommandTable(file, { sheet: typeof values.sheet === 'string' ? values.sheet : undefined });
    const notes: string[] = fallback ? [fallback] : [];
    // One level only: the asked one, else the finest present; other levels' rows are left out.
    const found = rowLevels(loaded.table);
    let rows: number[] | null = null;
    let level: RegionLevel | null = null;
    const leftOut: Partial<Record<RegionLevel, number>> = {};
    if (found) {
      const counts = new Map<RegionLevel, number>();
      for (const l of found.levels) if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
      level = askedLevel ?? LEVELS.find((l) => counts.has(l)) ?? null;
      if (level !== null && !counts.has(level)) {
        throw new VeerkrachtError(`no ${level} rows`, {
          file, column: found.source, expected: `--level one of the levels present`,
          found: LEVELS.filter((l) => counts.has(l)).map((l) => `${counts.get(l)} ${PLURAL[l]}`).join(', '),
        });
      }
      if (counts.size > 1 || (found.levels.some((l) => l === null) && level !== null)) {
        rows = [];
        let other = 0;
        found.levels.forEach((l, i) => {
          if (l === level) rows!.push(i);
          else if (l !== null) leftOut[l] = (leftOut[l] ?? 0) + 1;
          else other++;
        });
        const parts = LEVELS.filter((l) => leftOut[l] !== undefined).map((l) => `${leftOut[l]} ${PLURAL[l]}`);
        if (other > 0) parts.push(`${other} rows without a region code`);
        if (parts.length > 0) notes.push(`classified the ${rows.length} ${PLURAL[level!]}; left out ${parts.join(', ')} (choose with --level)`);
      }
    } else if (askedLevel !== undefined) {
      throw new VeerkrachtError('no region codes to select a level by', {
        file, expected: 'a level column or a column of region codes (code, wk_code, …) for --level', found: loaded.table.columnNames().slice(0, 12).join(', '),
      });
    }
    const pick = (a: Float64Array): Float64Array => (rows === null ? a : Float64Array.from(rows, (i) => a[i]));
    const y = pick(numericColumn(loaded.table, column, file));
    if (values.weights !== undefined) options.weights = pick(numericColumn(loaded.table, values.weights as string, file));
    let result;
    try {
      result = classify(y, options);
    } catch (e) {
      if (isUserError(e)) throw new VeerkrachtError(e.message, { file, column }, e.exitCode);
      throw e;
    }
    const legend = legendOf(result, y, intFlag('classify', 'decimals', values.decimals, 2, 0));
    if (values.json) {
      const out = {
        scheme: result.scheme,
        k: result.k,
        bins: result.bins,
        counts: result.counts,
        adcm: result.adcm,
        gadf: result.gadf,
        tss: result.tss,
        legend: legend.intervals,
        missing: result.missing,
        requested_k: result.requestedK,
        effective_k: result.effectiveK,
        n: result.n,
        legend_nl: legend.nl,
        notes: legend.notes,
        missing_label: legend.missing,
        params: result.params,
        warnings: result.warnings,
        file,
        column,
        level,
        left_out: leftOut,
        read_notes: notes,
      };
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...legend.intervals.map((s) => s.length), 'Interval'.length);
    const cw = Math.max(...result.counts.map((c) => String(c).length), 'Count'.length);
    const lines = [
      `${result.scheme} (k = ${result.k}${result.requestedK !== null && result.requestedK !== result.k ? `, asked ${result.requestedK}` : ''}) on ${column}${level ? ` (${PLURAL[level]})` : ''}, n = ${result.n}`,
      '',
      `${'Interval'.padEnd(width)}   ${'Count'.padStart(cw)}   Klasse`,
      '-'.repeat(width + cw + 12),
      ...legend.intervals.map(
        (iv, i) => `${iv.padEnd(width)} | ${String(result.counts[i]).padStart(cw)} | ${legend.nl[i]}${legend.notes[i] ? ` (${legend.notes[i]})` : ''}`,
      ),
      `${'geen gegevens'.padEnd(width)} | ${String(result.missing).padStart(cw)} |`,
      '',
      `ADCM ${result.adcm.toFixed(4)}   GADF ${result.gadf.toFixed(4)}   TSS ${result.tss.toFixed(4)}`,
      ...result.warnings.map((w) => `warning: ${w}`),
      ...notes.map((w) => `note: ${w}`),
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
