/**
 * Buurt boundaries per indeling as GeoJSON in RD New (EPSG:28992, named in a `crs` member as
 * PDOK/CBS files do), properties `buurtcode, buurtnaam, wijkcode, gemeentecode, gemeentenaam`.
 * Polygons tile the region with exactly shared edges; a buurt of several cells is their union.
 */
import type { Feature, Polygon } from 'geojson';
import type { DemoModel } from './model.js';
import { INDELING_CHANGE_YEAR, KWB_YEARS } from './options.js';
import type { Buurt } from './regions.js';
import { unionRings } from './rings.js';
import { utf8 } from './format.js';
import { SYNTHETIC_NOTE } from './write-kwb.js';

/** File name of the boundaries valid from `first` to `last` (inclusive). */
export function boundariesName(first: number, last: number): string {
  return `geo/synthetisch_buurten_${first}-${last}_rd.geojson`;
}

/** Features of one indeling. */
export function buurtFeatures(model: DemoModel, buurten: readonly Buurt[]): Feature<Polygon>[] {
  const gmNaam = new Map(model.region.gemeenten.map((g) => [g.code, g.naam]));
  return buurten.map((b) => ({
    type: 'Feature',
    properties: { buurtcode: b.code, buurtnaam: b.naam, wijkcode: b.wijkcode, gemeentecode: b.gemeentecode, gemeentenaam: gmNaam.get(b.gemeentecode) ?? '' },
    geometry: { type: 'Polygon', coordinates: [unionRings(b.cells.map((c) => model.region.cells[c].ring))] },
  }));
}

/** Both boundary files (path → bytes). */
export function geoFiles(model: DemoModel): Map<string, Uint8Array> {
  const first = KWB_YEARS[0];
  const last = KWB_YEARS[KWB_YEARS.length - 1];
  const out = new Map<string, Uint8Array>();
  const sets: Array<[number, number, readonly Buurt[]]> = [
    [first, INDELING_CHANGE_YEAR - 1, model.region.indelingA],
    [INDELING_CHANGE_YEAR, last, model.region.indelingB],
  ];
  for (const [a, b, buurten] of sets) {
    const fc = {
      type: 'FeatureCollection',
      name: `synthetisch_buurten_${a}-${b}`,
      'veerkracht:provenance': SYNTHETIC_NOTE,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: buurtFeatures(model, buurten),
    };
    out.set(boundariesName(a, b), utf8(JSON.stringify(fc)));
  }
  return out;
}
