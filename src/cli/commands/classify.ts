import type { Command } from '../command.js';
import { intFlag, parseFlags } from '../command.js';
import { classify, isSchemeName, type ClassifyOptions } from '../../classify/classify.js';
import { numericColumn } from '../../classify/column.js';
import { legendOf } from '../../classify/legend.js';
import { SCHEME_NAMES } from '../../classify/types.js';
import { readAnyTable } from '../../sources/registry.js';
import { isUserError, VeerkrachtError } from '../../util/errors.js';

function numberList(flag: string, s: string): number[] {
  const parts = s.split(',').map((p) => p.trim());
  const out = parts.map(Number);
  if (parts.some((p) => p === '') || out.some((x) => !Number.isFinite(x))) {
    throw new VeerkrachtError(`--${flag} must be a comma-separated list of numbers, got ${JSON.stringify(s)}`, {}, 2);
  }
  return out;
}

function numberFlag(flag: string, s: string): number {
  const x = Number(s);
  if (s.trim() === '' || !Number.isFinite(x)) throw new VeerkrachtError(`--${flag} must be a number, got ${JSON.stringify(s)}`, {}, 2);
  return x;
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'Classify a column with a mapclassify-style scheme, with fit measures and legend',
  help: `veerkracht classify FILE --column NAME --scheme NAME [--k N] [--bins LIST] [--json]

Classify the values of one column of FILE (any table the sources can read) with PySAL
mapclassify semantics: bins are upper bounds, right-closed (class i holds bins[i-1] < x <= bins[i]),
the first class holds the minimum, values above the last bin go to the last class. Reports the
bins, counts per class, ADCM, GADF, TSS, the legend and the missing values (never classified:
they form the class "geen gegevens").

  --column NAME     numeric column to classify
  --scheme NAME     quantiles, equal_interval, fisher_jenks, std_mean, maximum_breaks,
                    head_tail_breaks, box_plot, percentiles, pretty, user_defined, natural_breaks
                    (natural_breaks = seeded k-means; fisher_jenks = the exact optimum)
  --k N             number of classes (default 5) for quantiles, equal_interval, fisher_jenks,
                    maximum_breaks, pretty and natural_breaks
  --bins LIST       comma-separated upper bounds for user_defined (e.g. 20,30); the maximum is
                    added when it lies above the last bound
  --weights NAME    weight column (e.g. inwoners) for weighted quantiles
  --pct LIST        percentiles for percentiles (default 1,10,50,90,99,100)
  --hinge X         IQR multiple for box_plot (default 1.5)
  --multiples LIST  sd multiples for std_mean (default -2,-1,1,2)
  --anchor          std_mean anchored on the mean
  --seed N          seed for natural_breaks (default 0)
  --decimals N      decimals in the legend (default 2)
  --json            print JSON: scheme, k, bins, counts, adcm, gadf, tss, legend, missing,
                    plus requested_k, effective_k, n, legend_nl, notes, warnings

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
        json: { type: 'boolean' },
      },
      { min: 1, max: 1, names: 'FILE' },
    );
    const file = positionals[0];
    const column = values.column as string | undefined;
    const scheme = values.scheme as string | undefined;
    if (!column) throw new VeerkrachtError('--column is required (see veerkracht classify --help)', {}, 2);
    if (!scheme) throw new VeerkrachtError('--scheme is required (see veerkracht classify --help)', {}, 2);
    if (!isSchemeName(scheme)) {
      throw new VeerkrachtError(`unknown scheme ${JSON.stringify(scheme)}; schemes: ${SCHEME_NAMES.join(', ')}`, {}, 2);
    }
    if (scheme === 'user_defined' && values.bins === undefined) throw new VeerkrachtError('--scheme user_defined needs --bins LIST', {}, 2);
    const options: ClassifyOptions = { scheme, k: intFlag('classify', 'k', values.k, 5, 1) };
    if (values.bins !== undefined) options.bins = numberList('bins', values.bins as string);
    if (values.pct !== undefined) options.pct = numberList('pct', values.pct as string);
    if (values.hinge !== undefined) options.hinge = numberFlag('hinge', values.hinge as string);
    if (values.multiples !== undefined) options.multiples = numberList('multiples', values.multiples as string);
    if (values.anchor) options.anchor = true;
    if (values.seed !== undefined) options.seed = intFlag('classify', 'seed', values.seed, 0, 0);

    const loaded = await readAnyTable(file);
    const y = numericColumn(loaded.table, column, file);
    if (values.weights !== undefined) options.weights = numericColumn(loaded.table, values.weights as string, file);
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
      };
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...legend.intervals.map((s) => s.length), 'Interval'.length);
    const cw = Math.max(...result.counts.map((c) => String(c).length), 'Count'.length);
    const lines = [
      `${result.scheme} (k = ${result.k}${result.requestedK !== null && result.requestedK !== result.k ? `, asked ${result.requestedK}` : ''}) on ${column}, n = ${result.n}`,
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
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
