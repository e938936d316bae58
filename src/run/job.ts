/**
 * The main job as one call: config → load → computeSignals → runFigures → write.
 */
import type { RunConfig } from './config.js';
import { computeSignals, type SignalResult } from './compute.js';
import { MAX_DRAWN_TEXT } from '../viz/frame.js';
import { runFigures } from './figures.js';
import { loadRunTables, type LoadOptions, type Progress } from './load.js';
import { inProcessFigures, openRunOutput, writeRunOutputs, type FigureWriter } from './write.js';

/**
 * Load the inputs of a run configuration and compute its signals (no output files); `options`
 * as of {@link loadRunTables}.
 *
 * @example const r = await runPipeline(demoConfig(home)); r.signalen.numRows() // 219
 */
export async function runPipeline(config: RunConfig, progress: Progress = () => {}, options: LoadOptions = {}): Promise<SignalResult> {
  const started = Date.now();
  const tables = await loadRunTables(config, progress, options);
  const loaded = Date.now() - started;
  progress('indicatoren, veranderingen en signalen');
  const result = computeSignals(tables, config);
  result.timings = { laden: loaded, ...result.timings };
  if (config.title.length > MAX_DRAWN_TEXT) result.reports.warnings.push(`titel van ${config.title.length} tekens ingekort tot ${MAX_DRAWN_TEXT} op de kaarten`);
  return result;
}

/**
 * The whole job: load, compute, draw and write into `outDir`.
 *
 * @param drawer where the maps are drawn (default: in this thread; the CLI uses a worker)
 * @param options `packedReadMinBytes` as of {@link LoadOptions}
 * @returns the signal result and the file names written (relative to outDir)
 */
export async function runJob(
  config: RunConfig,
  outDir: string,
  progress: Progress = () => {},
  drawer: FigureWriter = inProcessFigures,
  options: Pick<LoadOptions, 'packedReadMinBytes'> = {},
): Promise<{ result: SignalResult; files: string[] }> {
  // take the output folder first: a folder that cannot be written, or that another run is
  // writing, is refused before the pipeline runs
  const set = openRunOutput(outDir);
  let result: SignalResult;
  try {
    // the drawer may load inputs meanwhile and make the drawing of the t1 boundaries (the CLI's worker)
    const whole = config.area === null && config.filter === null;
    const drawFrom = drawer.drawFrom?.bind(drawer);
    result = await runPipeline(config, progress, { ...options, prefetched: drawer.prefetched?.(), ...(drawFrom ? { onBoundaries: (t1, packed) => drawFrom(t1, { whole, ...(packed ? { packed } : {}) }) } : {}) });
  } catch (e) {
    set.abort();
    throw e;
  }
  const exportStart = Date.now();
  // (asked for now: the drawer starts it when handed the boundaries) a drawing that failed
  // elsewhere is made again here (runFigures), where its error surfaces
  const drawing = (await drawer.drawing?.()?.catch(() => null)) ?? null;
  const figures = runFigures(result, { drawing });
  const files = await writeRunOutputs(result, figures, set, progress, drawer);
  result.timings.export = Date.now() - exportStart;
  return { result, files };
}
