import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ColumnTable } from 'arquero';
import type { Command } from '../command.js';
import { choiceFlag, looseName, numberFlag, numberListFlag, parseFlags, parseUserNumber, readCommandTable } from '../command.js';
import { formatNl } from '../../classify/legend.js';
import { numericColumn } from '../../classify/column.js';
import { countsAt } from '../../calibrate/counts.js';
import { gridRange, type CalibrationInput } from '../../calibrate/input.js';
import { sweepThresholds } from '../../calibrate/sweep.js';
import { calibrateTarget } from '../../calibrate/target.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS, type SignalCategory } from '../../signal/categories.js';
import { VeerkrachtError } from '../../util/errors.js';

function usage(msg: string): VeerkrachtError {
  return new VeerkrachtError(`${msg} (see veerkracht calibrate --help)`, {}, 2);
}

function num(flag: string, s: string, min = -Infinity): number {
  return numberFlag('calibrate', flag, s, 0, min > -Infinity ? { min } : {});
}

/**
 * A number for people: Dutch notation, 4 significant digits below 1000 (3.1264730000000003 →
 * "3,126"), whole numbers with thousands dots above.
 */
function nl(x: number): string {
  if (!Number.isFinite(x)) return formatNl(x);
  if (x === 0) return '0';
  const decimals = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  const s = formatNl(x, Math.min(decimals, 12));
  return s.includes(',') ? s.replace(/0+$/, '').replace(/,$/, '') : s;
}

type Variant = 'absoluut' | 'relatief';

/** What a run's output says about itself: its variant and absolute references. */
interface RunContext {
  variant: Variant | null;
  /** Where the variant was read: samenvatting.json or the categorie columns. */
  source: string | null;
  absoluut: { K: number; O: number } | null;
}

/** The run a signalen.csv comes from: samenvatting.json beside it, else the categorie columns. */
function runContext(file: string, t: ColumnTable): RunContext {
  const summary = join(dirname(file), 'samenvatting.json');
  if (existsSync(summary)) {
    try {
      const p = JSON.parse(readFileSync(summary, 'utf8')).parameters ?? {};
      const a = p.reference?.absoluut;
      const variant = p.variant === 'absoluut' || p.variant === 'relatief' ? (p.variant as Variant) : null;
      if (variant) {
        return {
          variant, source: 'samenvatting.json',
          absoluut: a && Number.isFinite(a.K) && Number.isFinite(a.O) ? { K: a.K, O: a.O } : null,
        };
      }
    } catch {
      // not a run summary: fall through to the columns
    }
  }
  const names = t.columnNames();
  if (names.includes('categorie')) {
    const cat = t.array('categorie') as ArrayLike<unknown>;
    for (const v of ['relatief', 'absoluut'] as const) {
      const col = `categorie_${v}`;
      if (!names.includes(col)) continue;
      const other = t.array(col) as ArrayLike<unknown>;
      let same = cat.length > 0;
      for (let i = 0; i < cat.length && same; i++) same = cat[i] === other[i];
      if (same) return { variant: v, source: `column categorie = ${col}`, absoluut: null };
    }
  }
  return { variant: null, source: null, absoluut: null };
}

/** Target category names as users type them: any case, spaces or hyphens, the Dutch labels. */
const CATEGORY_ALIASES: Record<string, SignalCategory> = Object.fromEntries(
  SIGNAL_CATEGORIES.slice(0, 4).map((c) => [looseName(SIGNAL_LABELS[c]), c]),
);

/** Most points of one --grid-k/--grid-o, and of the sweep (their product): about 180 bytes each. */
const MAX_GRID_POINTS = 10_000;
const MAX_SWEEP_POINTS = 1_000_000;

/** "0,0.5,1" or "FROM:TO:STEP". */
function gridFlag(flag: string, s: string): number[] {
  if (s.includes(':')) {
    const p = s.split(':');
    if (p.length !== 3) throw usage(`--${flag} must be a list (0,0.5,1) or FROM:TO:STEP, got ${JSON.stringify(s)}`);
    const [from, to, step] = p.map((x) => num(flag, x));
    if (!(step > 0) || to < from) throw usage(`--${flag} needs FROM ≤ TO and STEP > 0, got ${JSON.stringify(s)}`);
    const points = Math.floor((to - from) / step + 1e-9) + 1;
    if (!(points <= MAX_GRID_POINTS)) throw usage(`--${flag} ${s} has ${points} points; at most ${MAX_GRID_POINTS} per grid (use a larger STEP)`);
    return gridRange(from, to, step);
  }
  const count = s.split(/[,;\s]+/).length;
  if (count > MAX_GRID_POINTS * 2) throw usage(`--${flag} has ${count} values; at most ${MAX_GRID_POINTS} per grid`);
  const list = numberListFlag('calibrate', flag, s, { min: 0 });
  if (list.length > MAX_GRID_POINTS) throw usage(`--${flag} has ${list.length} values; at most ${MAX_GRID_POINTS} per grid`);
  return list;
}

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Sweep thresholds and search the threshold that meets a target',
  help: `veerkracht calibrate FILE --dk COLUMN --do COLUMN [--weights COLUMN]
                      [--ref-k NUMBER|COLUMN] [--ref-o NUMBER|COLUMN] [--variant absoluut|relatief]
                      [--tk N] [--to N] [--grid-k LIST] [--grid-o LIST]
                      [--target-category NAME (--target-buurten N | --target-inwoners N) [--vary tk|to]]
                      [--json]

Signal thresholds (dead bands) for the Signaleringskaart, with the category rules of
src/signal/categories.ts: K goes up when dK - refK > tK; O gets worse when dO - refO < -tO.
FILE is any table the sources can read, one row per buurt; missing dK/dO gives
"onvoldoende_gegevens".

On a run's signalen.csv (columns refK, refO) the run's own references and variant are used by
default: the variant from samenvatting.json beside it (else from the categorie columns), the
references from the refK/refO columns. --variant absoluut on a relatief run uses the absoluut
references of samenvatting.json (default 0). The output says which references and variant it used.

Without a target, counts buurten (and inwoners with --weights) per category at --tk/--to, and
with --grid-k/--grid-o also at every grid point (the sensitivity sweep).
With a target, searches the dead band --vary (default tk; the other stays at --tk/--to) that
brings the category closest to the target count; ties go to the smallest threshold.

  --dk COLUMN            change of the vulnerable share K (percentage points)
  --do COLUMN            change of the Leefbaarometer onv score O (higher = better)
  --weights COLUMN       inwoners per buurt (counts residents per category)
  --ref-k NUMBER|COLUMN  reference change of K: a number (absolute) or a column (relatief);
                         default 0, or the run's refK column on a signalen.csv
  --ref-o NUMBER|COLUMN  reference change of O (default 0, or the run's refO column)
  --variant V            absoluut or relatief (default: the run's variant on a signalen.csv)
  --tk N, --to N         dead bands >= 0 (default 0); the fixed one in a target search
  --grid-k LIST          tK values: 0,0.5,1 or with decimal commas 0;0,5;1, or FROM:TO:STEP
                         (0:5:0,05)
  --grid-o LIST          tO values (default: --to only)
  --target-category NAME veerkracht_onder_druk, kwetsbaarheid_neemt_toe,
                         leefbaarheid_verslechtert or geen_signaal (any case, spaces or
                         hyphens, or the Dutch label: "Veerkracht onder druk")
  --target-buurten N     target number of buurten in that category
  --target-inwoners N    target number of residents (needs --weights), e.g. 1700000
  --vary tk|to           which dead band the target search moves (default tk)
  --json                 print JSON: mode (counts, sweep or target), thresholds {tK, tO},
                         counts {buurten, inwoners} at them, n, missing_weights, reference
                         {variant, variant_source, references}; a target adds
                         target {category, measure, value, achieved, next_threshold}; a sweep
                         adds sweep [{tK, tO, buurten_<category>…, inwoners_<category>…}]
Numbers take a decimal point or comma (--tk 1,5). Text output rounds to 4 significant digits
in Dutch notation (tK < 3,126); JSON keeps full precision.`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      'calibrate',
      argv,
      {
        dk: { type: 'string' },
        do: { type: 'string' },
        weights: { type: 'string' },
        'ref-k': { type: 'string' },
        'ref-o': { type: 'string' },
        tk: { type: 'string' },
        to: { type: 'string' },
        'grid-k': { type: 'string' },
        'grid-o': { type: 'string' },
        'target-category': { type: 'string' },
        'target-buurten': { type: 'string' },
        'target-inwoners': { type: 'string' },
        vary: { type: 'string' },
        variant: { type: 'string' },
        json: { type: 'boolean' },
      },
      { min: 1, max: 1, names: 'FILE' },
    );
    const file = positionals[0];
    const dkCol = values.dk as string | undefined;
    const doCol = values.do as string | undefined;
    if (!dkCol || !doCol) throw usage('--dk and --do are required');
    const tK = values.tk === undefined ? 0 : num('tk', values.tk as string, 0);
    const tO = values.to === undefined ? 0 : num('to', values.to as string, 0);
    const cat = values['target-category'] === undefined ? undefined : choiceFlag(
      'calibrate', 'target-category', values['target-category'], SIGNAL_CATEGORIES.slice(0, 4) as SignalCategory[], 'veerkracht_onder_druk', CATEGORY_ALIASES,
    );
    const tb = values['target-buurten'] as string | undefined;
    const ti = values['target-inwoners'] as string | undefined;
    if (cat !== undefined && (tb === undefined) === (ti === undefined)) throw usage('--target-category needs exactly one of --target-buurten, --target-inwoners');
    if (cat === undefined && (tb !== undefined || ti !== undefined)) throw usage('--target-buurten/--target-inwoners need --target-category');
    if (ti !== undefined && values.weights === undefined) throw usage('--target-inwoners needs --weights');
    const vary = choiceFlag('calibrate', 'vary', values.vary, ['tk', 'to'] as const, 'tk');
    const variantFlag = values.variant === undefined ? undefined : choiceFlag('calibrate', 'variant', values.variant, ['absoluut', 'relatief'] as const, 'relatief');
    const gridK = values['grid-k'] !== undefined ? gridFlag('grid-k', values['grid-k'] as string) : undefined;
    const gridO = values['grid-o'] !== undefined ? gridFlag('grid-o', values['grid-o'] as string) : undefined;
    if ((gridK?.length ?? 1) * (gridO?.length ?? 1) > MAX_SWEEP_POINTS) {
      throw usage(`--grid-k × --grid-o has ${(gridK?.length ?? 1) * (gridO?.length ?? 1)} points; at most ${MAX_SWEEP_POINTS} (use larger steps)`);
    }

    const { loaded, fallback } = await readCommandTable(file);
    const t = loaded.table;
    const input: CalibrationInput = { dK: numericColumn(t, dkCol, file), dO: numericColumn(t, doCol, file) };
    const ref = (flag: string): number | Float64Array | undefined => {
      const s = values[flag] as string | undefined;
      if (s === undefined) return undefined;
      const x = parseUserNumber(s);
      return Number.isFinite(x) ? x : numericColumn(t, s, file);
    };
    // References: the flags, else the run's own (signalen.csv: refK/refO of the run's variant).
    const names = t.columnNames();
    const isRun = names.includes('refK') && names.includes('refO');
    const run = isRun ? runContext(file, t) : { variant: null, source: null, absoluut: null };
    const variant: Variant | null = variantFlag ?? run.variant;
    const reference: Record<string, unknown> = { variant, variant_source: variantFlag !== undefined ? '--variant' : run.source };
    const describeRef = (flag: string): string => {
      const s = values[flag] as string | undefined;
      return Number.isFinite(parseUserNumber(s ?? '')) ? `${nl(parseUserNumber(s!))} (--${flag})` : `column ${s} (--${flag})`;
    };
    let rk = ref('ref-k');
    let ro = ref('ref-o');
    let refText: string[] = [];
    if (rk !== undefined) refText.push(`refK ${describeRef('ref-k')}`);
    if (ro !== undefined) refText.push(`refO ${describeRef('ref-o')}`);
    if (isRun && (rk === undefined || ro === undefined)) {
      if (variantFlag === undefined || variantFlag === run.variant) {
        if (rk === undefined) { rk = numericColumn(t, 'refK', file); refText.push('refK = column refK of the run'); }
        if (ro === undefined) { ro = numericColumn(t, 'refO', file); refText.push('refO = column refO of the run'); }
      } else if (variantFlag === 'absoluut') {
        const a = run.absoluut ?? { K: 0, O: 0 };
        if (rk === undefined) { rk = a.K; refText.push(`refK = ${nl(a.K)} (absoluut${run.absoluut ? ', samenvatting.json' : ''})`); }
        if (ro === undefined) { ro = a.O; refText.push(`refO = ${nl(a.O)} (absoluut${run.absoluut ? ', samenvatting.json' : ''})`); }
      } else {
        throw new VeerkrachtError('the relatief references are not in this file', {
          file, column: 'refK',
          expected: 'a run with reference.variant relatief (its signalen.csv holds them), or --ref-k/--ref-o COLUMN',
          found: `a run with variant ${run.variant ?? 'unknown'}`,
        });
      }
    } else if (variantFlag === 'relatief' && (rk === undefined || ro === undefined)) {
      throw usage('--variant relatief needs a run\'s signalen.csv (columns refK, refO) or --ref-k/--ref-o COLUMN');
    }
    if (refText.length === 0) refText = ['refK = 0, refO = 0 (default)'];
    reference.references = refText;
    if (rk !== undefined) input.refK = rk;
    if (ro !== undefined) input.refO = ro;
    if (values.weights !== undefined) input.weights = numericColumn(t, values.weights as string, file);

    let chosen = { tK, tO };
    let target: Record<string, unknown> | undefined;
    if (cat !== undefined) {
      const r = calibrateTarget(input, {
        category: cat as SignalCategory,
        target: num(tb !== undefined ? 'target-buurten' : 'target-inwoners', (tb ?? ti) as string, 0),
        measure: tb !== undefined ? 'buurten' : 'inwoners',
        vary: vary === 'tk' ? 'tK' : 'tO',
        fixed: vary === 'tk' ? tO : tK,
      });
      chosen = { tK: r.tK, tO: r.tO };
      target = {
        category: r.category,
        measure: r.measure,
        value: r.target,
        achieved: r.achieved,
        vary: vary === 'tk' ? 'tK' : 'tO',
        next_threshold: Number.isFinite(r.nextThreshold) ? r.nextThreshold : null,
      };
    }
    const c = countsAt(input, chosen.tK, chosen.tO);
    const n = input.dK.length;
    let missingWeights = 0;
    if (input.weights) for (let i = 0; i < n; i++) if (Number.isNaN(input.weights[i])) missingWeights++;
    const sweep = gridK !== undefined || gridO !== undefined ? sweepThresholds(input, gridK ?? [tK], gridO ?? [tO]) : undefined;
    const mode = target ? 'target' : sweep ? 'sweep' : 'counts';
    if (values.json) {
      const out: Record<string, unknown> = {
        mode,
        thresholds: chosen,
        counts: { buurten: c.buurten, inwoners: c.inwoners },
        n,
        missing_weights: input.weights ? missingWeights : null,
        file,
        reference,
        read_notes: fallback ? [fallback] : [],
      };
      if (target) out.target = target;
      if (sweep) out.sweep = sweep.table.objects();
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const lines: string[] = [];
    lines.push(`references: ${refText.join(', ')}${variant ? `; variant ${variant}${reference.variant_source ? ` (from ${reference.variant_source})` : ''}` : ''}`);
    if (fallback) lines.push(`note: ${fallback}`);
    if (target) {
      lines.push(
        `target: ${target.category} = ${nl(target.value as number)} ${target.measure}; reached ${nl(target.achieved as number)} at tK = ${nl(chosen.tK)}, tO = ${nl(chosen.tO)}` +
          (target.next_threshold !== null ? ` (same counts up to ${target.vary} < ${nl(target.next_threshold as number)})` : ''),
      );
    }
    lines.push(`counts at tK = ${nl(chosen.tK)}, tO = ${nl(chosen.tO)} (${n} buurten${input.weights ? `, ${missingWeights} without inwoners` : ''}):`);
    for (const k of SIGNAL_CATEGORIES) {
      lines.push(`  ${k.padEnd(26)} ${String(c.buurten[k]).padStart(7)} buurten${c.inwoners ? `  ${formatNl(Math.round(c.inwoners[k]), 0).padStart(10)} inwoners` : ''}`);
    }
    if (sweep) {
      const cols = sweep.table.columnNames();
      lines.push('', cols.join('\t'));
      for (const row of sweep.table.objects() as Record<string, number>[]) lines.push(cols.map((k) => String(row[k])).join('\t'));
    }
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
