import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { numericColumn } from '../../classify/column.js';
import { countsAt } from '../../calibrate/counts.js';
import { gridRange, type CalibrationInput } from '../../calibrate/input.js';
import { sweepThresholds } from '../../calibrate/sweep.js';
import { calibrateTarget } from '../../calibrate/target.js';
import { SIGNAL_CATEGORIES, type SignalCategory } from '../../signal/categories.js';
import { readAnyTable } from '../../sources/registry.js';
import { VeerkrachtError } from '../../util/errors.js';

function usage(msg: string): VeerkrachtError {
  return new VeerkrachtError(`${msg} (see veerkracht calibrate --help)`, {}, 2);
}

function num(flag: string, s: string, min = -Infinity): number {
  const x = Number(s);
  if (s.trim() === '' || !Number.isFinite(x) || x < min) throw usage(`--${flag} must be a number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${JSON.stringify(s)}`);
  return x;
}

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
  const list = s.split(',');
  if (list.length > MAX_GRID_POINTS) throw usage(`--${flag} has ${list.length} values; at most ${MAX_GRID_POINTS} per grid`);
  return list.map((x) => num(flag, x, 0));
}

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Sweep thresholds and search the threshold that meets a target',
  help: `veerkracht calibrate FILE --dk COLUMN --do COLUMN [--weights COLUMN]
                      [--ref-k NUMBER|COLUMN] [--ref-o NUMBER|COLUMN] [--tk N] [--to N]
                      [--grid-k LIST] [--grid-o LIST]
                      [--target-category NAME (--target-buurten N | --target-inwoners N) [--vary tk|to]]
                      [--json]

Signal thresholds (dead bands) for the Signaleringskaart, with the category rules of
src/signal/categories.ts: K goes up when dK - refK > tK; O gets worse when dO - refO < -tO.
FILE is any table the sources can read, one row per buurt; missing dK/dO gives
"onvoldoende_gegevens".

Without a target, counts buurten (and inwoners with --weights) per category at --tk/--to, and
with --grid-k/--grid-o also at every grid point (the sensitivity sweep).
With a target, searches the dead band --vary (default tk; the other stays at --tk/--to) that
brings the category closest to the target count; ties go to the smallest threshold.

  --dk COLUMN            change of the vulnerable share K (percentage points)
  --do COLUMN            change of the Leefbaarometer onv score O (higher = better)
  --weights COLUMN       inwoners per buurt (counts residents per category)
  --ref-k NUMBER|COLUMN  reference change of K: a number (absolute, default 0) or a column (relatief)
  --ref-o NUMBER|COLUMN  reference change of O (default 0)
  --tk N, --to N         dead bands >= 0 (default 0); the fixed one in a target search
  --grid-k LIST          tK values: comma list (0,0.5,1) or FROM:TO:STEP (0:5:0.05)
  --grid-o LIST          tO values (default: --to only)
  --target-category NAME veerkracht_onder_druk, kwetsbaarheid_neemt_toe,
                         leefbaarheid_verslechtert or geen_signaal
  --target-buurten N     target number of buurten in that category
  --target-inwoners N    target number of residents (needs --weights), e.g. 1700000
  --vary tk|to           which dead band the target search moves (default tk)
  --json                 print JSON: mode (counts, sweep or target), thresholds {tK, tO},
                         counts {buurten, inwoners} at them, n, missing_weights; a target adds
                         target {category, measure, value, achieved, next_threshold}; a sweep
                         adds sweep [{tK, tO, buurten_<category>…, inwoners_<category>…}]`,
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
    const cat = values['target-category'] as string | undefined;
    const tb = values['target-buurten'] as string | undefined;
    const ti = values['target-inwoners'] as string | undefined;
    if (cat !== undefined && (tb === undefined) === (ti === undefined)) throw usage('--target-category needs exactly one of --target-buurten, --target-inwoners');
    if (cat === undefined && (tb !== undefined || ti !== undefined)) throw usage('--target-buurten/--target-inwoners need --target-category');
    if (cat !== undefined && (!(SIGNAL_CATEGORIES as readonly string[]).includes(cat) || cat === 'onvoldoende_gegevens')) {
      throw usage(`--target-category must be one of ${SIGNAL_CATEGORIES.slice(0, 4).join(', ')}, got ${JSON.stringify(cat)}`);
    }
    if (ti !== undefined && values.weights === undefined) throw usage('--target-inwoners needs --weights');
    const vary = (values.vary as string | undefined) ?? 'tk';
    if (vary !== 'tk' && vary !== 'to') throw usage(`--vary must be tk or to, got ${JSON.stringify(vary)}`);
    const gridK = values['grid-k'] !== undefined ? gridFlag('grid-k', values['grid-k'] as string) : undefined;
    const gridO = values['grid-o'] !== undefined ? gridFlag('grid-o', values['grid-o'] as string) : undefined;
    if ((gridK?.length ?? 1) * (gridO?.length ?? 1) > MAX_SWEEP_POINTS) {
      throw usage(`--grid-k × --grid-o has ${(gridK?.length ?? 1) * (gridO?.length ?? 1)} points; at most ${MAX_SWEEP_POINTS} (use larger steps)`);
    }

    const loaded = await readAnyTable(file);
    const t = loaded.table;
    const input: CalibrationInput = { dK: numericColumn(t, dkCol, file), dO: numericColumn(t, doCol, file) };
    const ref = (flag: string): number | Float64Array | undefined => {
      const s = values[flag] as string | undefined;
      if (s === undefined) return undefined;
      const x = Number(s);
      return s.trim() !== '' && Number.isFinite(x) ? x : numericColumn(t, s, file);
    };
    const rk = ref('ref-k');
    const ro = ref('ref-o');
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
      };
      if (target) out.target = target;
      if (sweep) out.sweep = sweep.table.objects();
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const lines: string[] = [];
    if (target) {
      lines.push(
        `target: ${target.category} = ${target.value} ${target.measure}; reached ${target.achieved} at tK = ${chosen.tK}, tO = ${chosen.tO}` +
          (target.next_threshold !== null ? ` (same counts up to ${target.vary} < ${target.next_threshold})` : ''),
      );
    }
    lines.push(`counts at tK = ${chosen.tK}, tO = ${chosen.tO} (${n} buurten${input.weights ? `, ${missingWeights} without inwoners` : ''}):`);
    for (const k of SIGNAL_CATEGORIES) {
      lines.push(`  ${k.padEnd(26)} ${String(c.buurten[k]).padStart(7)} buurten${c.inwoners ? `  ${String(Math.round(c.inwoners[k])).padStart(10)} inwoners` : ''}`);
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
