/** Read an ESRI shapefile (.shp + .dbf, optional .prj and .cpg) into raw boundary features. */
import { existsSync, readFileSync } from 'node:fs';
import type { Geometry } from 'geojson';
import { VeerkrachtError } from '../../util/errors.js';
import type { Provenance } from '../types.js';
import { crsFromPrj } from './crs.js';
import type { RawBoundaries, RawFeature } from './assemble.js';

function sibling(path: string, ext: string): string | undefined {
  const stem = path.replace(/\.[^./\\]+$/, '');
  for (const e of [ext, ext.toUpperCase()]) if (existsSync(`${stem}.${e}`)) return `${stem}.${e}`;
  return undefined;
}

/** The `.dbf` text encoding a `.cpg` names (`UTF-8`, `1252`, `ISO-8859-1` …); windows-1252 when absent. */
export function cpgEncoding(cpg: string): string {
  const s = cpg.trim().toLowerCase();
  if (s === '') return 'windows-1252';
  if (/^utf-?8$/.test(s)) return 'utf-8';
  if (/^(cp|ansi ?)?125\d$/.test(s)) return `windows-${s.replace(/\D/g, '')}`;
  if (/^(iso-?)?8859-?1$/.test(s) || s === 'latin1') return 'iso-8859-1';
  return s;
}

/**
 * Raw features of a shapefile; the `.prj` gives the CRS label, the `.cpg` the `.dbf` encoding
 * (default windows-1252, as the dBASE format has it).
 *
 * @throws VeerkrachtError when the `.dbf` is missing or the `.shp` cannot be parsed.
 */
export async function readShapefile(shpPath: string, provenance: Provenance): Promise<RawBoundaries> {
  const dbf = sibling(shpPath, 'dbf');
  if (dbf === undefined) {
    throw new VeerkrachtError('shapefile without its .dbf', { file: shpPath, expected: 'a .dbf file beside the .shp', found: 'none' });
  }
  const prj = sibling(shpPath, 'prj');
  const cpg = sibling(shpPath, 'cpg');
  const encoding = cpgEncoding(cpg ? readFileSync(cpg, 'utf8') : '');
  const features: RawFeature[] = [];
  try {
    // loaded when a shapefile is read, not by every run
    const shapefile = await import('shapefile');
    const source = await shapefile.open(shpPath, dbf, { encoding });
    for (;;) {
      const r = await source.read();
      if (r.done) break;
      const f = r.value as { properties?: Record<string, unknown>; geometry?: Geometry | null };
      features.push({ properties: f.properties ?? null, geometry: f.geometry ?? null });
    }
  } catch (e) {
    if (e instanceof VeerkrachtError) throw e;
    throw new VeerkrachtError('cannot read shapefile', {
      file: shpPath, feature: features.length, expected: 'ESRI shapefile polygons', found: (e as Error).message,
    });
  }
  const crsLabel = prj ? crsFromPrj(readFileSync(prj, 'utf8'), prj) : undefined;
  return { features, crsLabel, provenance };
}
