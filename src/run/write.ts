/**
 * The write step of `veerkracht run`: render the figures and write every output file. Nothing is
 * computed here but the rendering. All files go into a staging folder beside the output folder
 * and are swapped in at the end (src/util/output-set.ts), so the output folder always holds the
 * complete old set or the complete new set; the same inputs give byte-identical files (no
 * timestamps, sorted keys).
 */
import { toCsvDialects } from '../export/csv.js';
import { stableJson } from '../export/summary.js';
import type { FigureFile, WriteFiguresOptions } from '../viz/figure-files.js';
import { offlineHtml } from '../viz/html.js';
import { geoJsonBytes, geoJsonBytesOfRuns, geoJsonProperties, type ExportValue, type GeoJsonGeometries, type GeoJsonRun } from '../export/geojson.js';
import { xlsxBytes } from '../export/xlsx.js';
import { openOutputSet, type OutputSet } from '../util/output-set.js';
import type { SignalResult } from './compute.js';
import type { ExplorerContent, MapContent, PreparedDrawing, RunFigures } from './figures.js';
import type { Boundaries } from '../sources/boundaries/types.js';
import type { PackedFeatures } from '../geo/transfer.js';
import type { Progress, RunPrefetch } from './load.js';
import { buildSummary, signalRows } from './summary.js';
import { summaryWorkbook } from './workbook.js';

/**
 * Top-level names a run writes (or wrote in an earlier version): never carried over from an old
 * set, so a page of a gemeente that is no longer in the study area does not linger. Anything else
 * a user keeps in the output folder (e.g. `fetch/`) is carried into the new set.
 */
export function isRunOutput(name: string): boolean {
  return /^(signaleringskaart|focuskaart)\.(svg|png|html)$|^signalen(-plain)?\.(csv|geojson|xlsx)$|^(samenvatting|matrix-handelingskaders)\.json$|^gemeenten$/.test(name);
}

/**
 * Draws and writes the figure files of a run (SVG from Vega-Lite, PNG): in this thread (the
 * default, {@link inProcessFigures}) or elsewhere — the CLI hands them to a worker thread that
 * loaded vega while the inputs were read (src/cli/figure-worker.ts), so that drawing the maps
 * runs beside writing the data files on a second core.
 */
export interface FigureWriter {
  write(files: readonly FigureFile[], options?: WriteFiguresOptions): Promise<void>;
  /**
   * The drawing of the run's t1 boundaries (drawn features, gemeente outlines), made elsewhere
   * while the signals were computed; null (or a null result) when it is made in this thread.
   */
  drawing?(): Promise<PreparedDrawing | null> | null;
  /** Inputs this writer's thread loads meanwhile (the CLI's worker: the KWB tables and the Leefbaarometer). */
  prefetched?(): RunPrefetch;
  /**
   * Make the drawing of these (t1) boundaries elsewhere (see `drawing`), from the features as read
   * here. Boundaries within the drawing budget go as they are; full-resolution ones are
   * simplified for drawing here first (when `whole`: they are the map's regions, no study area or
   * filter takes some away) and the simplified features go, so millions of vertices are never
   * copied. `packed`: the features already packed (src/geo/transfer.ts), as packFeatures packs
   * them (the loader's reader makes them on the way); they are handed over, not copied.
   */
  drawFrom?(t1: Boundaries, options?: { whole: boolean; packed?: PackedFeatures }): void;
  /**
   * Draw the two maps from the drawing this writer made (see `drawing`) and their content: the
   * two files of `maps` get their specs there (signaleringskaart, focuskaart).
   */
  writeMaps?(content: MapContent, maps: readonly FigureFile[], options?: WriteFiguresOptions): Promise<void>;
  /** Write the threshold explorer (`htmlPath`), built from the drawing this writer made and its content (as `writeMaps`). */
  writeExplorer?(content: ExplorerContent, htmlPath: string, options?: WriteFiguresOptions): Promise<void>;
  /** Draw gemeente pages whose regions are drawn from the drawing this writer made (as `writeMaps`). */
  writePages?(pages: readonly FigureFile[], options?: WriteFiguresOptions): Promise<void>;
  /** `'worker'` when the figures are drawn in another thread (said in the progress line). */
  readonly where?: 'worker' | 'in-process';
}

/** Draw the figures in this thread; vega is loaded on first use, not when the run starts. */
export const inProcessFigures: FigureWriter = {
  async write(files, options) {
    const { writeFigures } = await import('../viz/figure-files.js');
    await writeFigures(files, options);
  },
};

/** Open the output set of a run on `outDir` (checks the folder, takes its lock). */
export function openRunOutput(outDir: string): OutputSet {
  return openOutputSet(outDir, { carryOver: (name) => !isRunOutput(name) });
}

/**
 * Write all outputs of a run into `outDir` (created if needed) or into an output set already
 * opened on it, and swap them in; returns the file names written (relative to outDir,
 * `/`-separated). On any error the previous contents of `outDir` stay as they were.
 *
 * @throws VeerkrachtError naming the folder when it cannot be written or another run holds it
 */
export async function writeRunOutputs(
  r: SignalResult,
  figures: RunFigures,
  outDir: string | OutputSet,
  progress: Progress = () => {},
  drawer: FigureWriter = inProcessFigures,
): Promise<string[]> {
  // an open set (taken before the pipeline ran, so a second run is refused early) or a folder
  const set = typeof outDir === 'string' ? openRunOutput(outDir) : outDir;
  try {
    const written = await writeAll(r, figures, set, progress, drawer);
    await set.commit();
    return written;
  } catch (e) {
    set.abort();
    throw e;
  }
}

/**
 * Write every file of the run into the set's staging folder with plain writes (`set.write`: no
 * temp file and no fsync per file — the folder is private until the swap, a killed run's staging
 * folder is swept, and power loss is outside the set's guarantee, see src/util/output-set.ts).
 */
async function writeAll(r: SignalResult, figures: RunFigures, set: OutputSet, progress: Progress, drawer: FigureWriter): Promise<string[]> {
  const written: string[] = [];
  const at = (name: string) => set.path(name);

  // the maps go to the drawer first (the longest job, and their drawing — outlines included —
  // is ready when the signals are), then the gemeente pages; the drawer draws the pages after the
  // maps and, once the data files are written, this thread does too: a shared counter hands out
  // each page once (the names in `written` in the order samenvatting.json lists them: maps,
  // explorer, pages)
  written.push('signaleringskaart.svg', 'signaleringskaart.png', 'focuskaart.svg', 'focuskaart.png', 'signaleringskaart.html');
  const drawing: Promise<void>[] = [];
  progress(`kaarten tekenen (SVG, PNG${drawer.where === 'worker' ? ', in een aparte thread' : ''})`);
  const maps: FigureFile[] = [
    { svgPath: at('signaleringskaart.svg'), pngPath: at('signaleringskaart.png') },
    { svgPath: at('focuskaart.svg'), pngPath: at('focuskaart.png') },
  ];
  drawing.push(
    // built where the drawing of the boundaries was made (no geometry copied), else here
    figures.preparedMaps !== null && drawer.writeMaps !== undefined
      ? drawer.writeMaps(figures.preparedMaps, maps, { staged: true })
      : drawer.write([{ ...maps[0], spec: figures.signaleringskaart }, { ...maps[1], spec: figures.focuskaart }], { staged: true }),
  );
  // the threshold explorer likewise, after the maps and before the pages (which this thread also draws)
  // (preparedExplorer is null exactly when preparedMaps is: no drawing of these boundaries there)
  const explorerThere = drawer.writeExplorer !== undefined ? figures.preparedExplorer : null;
  if (explorerThere !== null) drawing.push(drawer.writeExplorer!(explorerThere, at('signaleringskaart.html'), { staged: true }));
  const g = figures.gemeenten;
  const pages: FigureFile[] = [];
  if (g) {
    written.push('gemeenten/index.html');
    for (const p of g.pages) {
      pages.push({ page: p.draft, htmlPath: at(`gemeenten/${p.name}.html`), ...(g.png ? { pngPath: at(`gemeenten/${p.name}.png`), png: { scale: 1.5 } } : {}) });
      written.push(`gemeenten/${p.name}.html`, ...(g.png ? [`gemeenten/${p.name}.png`] : []));
    }
  }
  const claims = new Int32Array(new SharedArrayBuffer(4));
  if (pages.length > 0) {
    const options = { staged: true, shared: { claims, from: 0 } };
    // drawn from the drawing the writer made, as the maps: no geometry goes over
    drawing.push(figures.preparedMaps !== null && drawer.writePages !== undefined ? drawer.writePages(pages, options) : drawer.write(pages, options));
  }
  for (const d of drawing) d.catch(() => undefined); // a failure surfaces at `await`, not as an unhandled rejection

  try {
    progress(`drempelverkenner (HTML${explorerThere !== null ? ', in een aparte thread' : ''})`);
    if (explorerThere === null) set.write('signaleringskaart.html', offlineHtml(figures.explorer.spec, figures.explorer.page));

    if (g) {
      progress(`pagina per gemeente (${g.pages.length}${g.png ? ', met PNG' : ', zonder PNG: gemeentePaginas true maakt ze ook'})`);
      set.write('gemeenten/index.html', g.index);
    }

    progress('GeoJSON, CSV en Excel');
    const rows = signalRows(r.signalen);
    const [csvNl, csvPlain] = toCsvDialects(rows, ['excel-nl', 'plain']);
    set.write('signalen.csv', csvNl);
    set.write('signalen-plain.csv', csvPlain);
    set.write('matrix-handelingskaders.json', stableJson(r.matrix));
    // the summary lists every file of the set, the workbook and itself (written after it) included
    written.push('signalen.geojson', 'signalen.csv', 'signalen-plain.csv', 'signalen.xlsx', 'matrix-handelingskaders.json', 'samenvatting.json');
    const summary = buildSummary(r, written);
    set.write('signalen.xlsx', xlsxBytes(summaryWorkbook(r, rows, summary)));
    set.write('samenvatting.json', stableJson(summary));
    // signalen.geojson before this thread's share of the pages when its geometry texts are
    // ready (the pages are handed out one by one, so both threads end together), after them when
    // the texts may still be in the making (full resolution: this thread helps make them)
    const made = figures.geoJsonGeometries;
    const ready = typeof made !== 'function';
    if (ready) set.write('signalen.geojson', geoJsonPieces(r, attributesOf(rows), made));
    if (pages.length > 0) {
      const { writeFigures } = await import('../viz/figure-files.js');
      await writeFigures(pages, { staged: true, shared: { claims, from: 0 } });
    }
    if (!ready) {
      // the properties first, while the other thread still makes geometry texts (this thread
      // then helps with those that are left): they are not all that is left at the end
      // then the file, each run of texts written as it comes (this thread makes the runs nobody
      // has claimed while it waits for the others): the writing overlaps the other thread's work
      const attributes = attributesOf(rows);
      const properties = geoJsonProperties(r.boundaries.features, { attributes });
      await set.writeAsync('signalen.geojson', geoJsonPiecesOfRuns(r, attributes, made(), properties));
    }
  } catch (e) {
    // nothing may still be drawing into the staging folder when the caller removes it
    await Promise.allSettled(drawing);
    throw e;
  }
  await Promise.all(drawing);
  return written;
}

/** The pieces of signalen.geojson: the signal rows (see {@link attributesOf}) as the attributes of the t1 boundaries. */
function* geoJsonPieces(r: SignalResult, attributes: ReadonlyMap<string, Readonly<Record<string, ExportValue>>>, geometries: GeoJsonGeometries | null): Generator<string | Uint8Array> {
  // feature by feature: a full-resolution national file is never one string or one object tree
  yield* geoJsonBytes(r.boundaries.features, { crs: r.boundaries.crs, attributes, ...(geometries ? { geometries } : {}) });
  yield '\n';
}

/** {@link geoJsonPieces} with the geometry texts coming run after run (and the properties made ahead). */
async function* geoJsonPiecesOfRuns(
  r: SignalResult,
  attributes: ReadonlyMap<string, Readonly<Record<string, ExportValue>>>,
  runs: AsyncIterable<GeoJsonRun>,
  properties: readonly string[],
): AsyncGenerator<string | Uint8Array> {
  yield* geoJsonBytesOfRuns(r.boundaries.features, { crs: r.boundaries.crs, attributes, properties }, runs);
  yield '\n';
}

/**
 * The rows themselves as each code's attributes in signalen.geojson: the writer cleans every
 * value as it writes it (attributesByCode would copy and clean all 14,000 rows first).
 */
function attributesOf(rows: ReturnType<typeof signalRows>): Map<string, Readonly<Record<string, ExportValue>>> {
  return new Map(rows.map((row) => [row.code as string, row as Readonly<Record<string, ExportValue>>]));
}
