/** Read an ESRI shapefile (.shp + .dbf, optional .prj and .cpg) into raw boundary features. */
import { existsSync, readFileSync } from 'node:fs';
import * as shapefile from 'shapefile';
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
  const encoding = cpg ? readFileSync(cpg, 'utf8').trim().toLowerCase().replace(/^utf-?8$/, 'utf-8') || 'windows-1252' : 'windows-1252';
  const features: RawFeature[] = [];
  try {
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
