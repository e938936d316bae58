/**
 * The whole synthetic world before any file is written: region geometry and hierarchy, and per
 * cell and year the population, corporation share, vulnerable share, Leefbaarometer scores and
 * the planted trajectories. `aggregate` sums cells to any buurt, wijk or gemeente.
 */
import { drawCorporatie, type Corporatie } from './corporatie.js';
import { smoothField, standardise } from './fields.js';
import { drawKwetsbaarheid, type Kwetsbaarheid } from './kwetsbaarheid.js';
import { drawDimensies, type Dimensies } from './leefbaarheid.js';
import { KWB_YEARS, type DemoOptions } from './options.js';
import { drawPopulation, type Population } from './population.js';
import { Rng } from './prng.js';
import { buildRegion, type RegionModel } from './regions.js';
import { assignTrajectories, type Trajectories } from './trajectories.js';

/** The generated world. */
export interface DemoModel {
  options: DemoOptions;
  region: RegionModel;
  population: Population;
  corporatie: Corporatie;
  trajectories: Trajectories;
  kwetsbaarheid: Kwetsbaarheid;
  dimensies: Dimensies;
}

/**
 * Generate the world for the options (pure and seeded).
 * @example buildModel(demoOptions()).region.cells.length // 220
 */
export function buildModel(options: DemoOptions): DemoModel {
  const root = new Rng(options.seed);
  const region = buildRegion(options);
  const { cells } = region;
  const { box } = options;
  const spacing = Math.sqrt(((box.x1 - box.x0) * (box.y1 - box.y0)) / cells.length);
  const urbanRaw = Float64Array.from(region.cellCentreDistance, (d) => -d);
  const urban = standardise(urbanRaw);
  const population = drawPopulation(region, urban, root.fork('population'));
  const bumps = Math.max(8, Math.round(cells.length / 6));
  const corpField = smoothField(cells, root.fork('corporatie-field'), bumps, 1.6 * spacing, box.x0, box.y0, box.x1, box.y1);
  const corpRng = root.fork('corporatie');
  const corpLatent = Float64Array.from(corpField, (v) => 0.85 * v + 0.5 * corpRng.normal());
  const corporatie = drawCorporatie(corpLatent, corpRng);
  const ref = KWB_YEARS.indexOf(2017);
  const trajectories = assignTrajectories(region, population.inwoners[ref], corporatie.aandeel[ref], root.fork('trajectories'));
  const kwetsbaarheid = drawKwetsbaarheid(corporatie.aandeel[ref], trajectories, root.fork('kwetsbaarheid'));
  const onvField = smoothField(cells, root.fork('onv-field'), bumps, 1.4 * spacing, box.x0, box.y0, box.x1, box.y1);
  const dimensies = drawDimensies(corporatie.aandeel[ref], kwetsbaarheid.laagInkomen[ref], urban, onvField, trajectories, root.fork('leefbaarheid'));
  return { options, region, population, corporatie, trajectories, kwetsbaarheid, dimensies };
}

/** Unrounded totals and shares of a set of cells in one KWB year. */
export interface Aggregate {
  inwoners: number;
  huishoudens: number;
  woningen: number;
  /** Corporation share of dwellings (0–1); NaN without dwellings. */
  corporatie: number;
  /** Other landlords' share of dwellings (0–1); NaN without dwellings. */
  overigeHuur: number;
  /** % low-income households; NaN without households. */
  laagInkomen: number;
  /** % households at or around the social minimum; NaN without households. */
  sociaalMinimum: number;
  /** Vulnerable persons (microdata measure). */
  kwetsbarePersonen: number;
  /** Area in m². */
  oppervlakte: number;
}

/**
 * Sum cells for one year (index into KWB_YEARS): counts add up, shares are weighted by
 * dwellings (corporation) or households (income).
 */
export function aggregate(model: DemoModel, cellIds: readonly number[], yearIndex: number): Aggregate {
  const { population: p, corporatie: c, kwetsbaarheid: k, region } = model;
  let inw = 0;
  let hh = 0;
  let wo = 0;
  let corp = 0;
  let ov = 0;
  let li = 0;
  let sm = 0;
  let kw = 0;
  let area = 0;
  for (const i of cellIds) {
    const w = p.woningen[yearIndex][i];
    const h = p.huishoudens[yearIndex][i];
    inw += p.inwoners[yearIndex][i];
    hh += h;
    wo += w;
    corp += w * c.aandeel[yearIndex][i];
    ov += w * c.overigeHuur[i];
    li += h * k.laagInkomen[yearIndex][i];
    sm += h * k.sociaalMinimum[yearIndex][i];
    kw += p.inwoners[yearIndex][i] * k.kwetsbaar[yearIndex][i];
    area += region.cells[i].area;
  }
  return {
    inwoners: inw,
    huishoudens: hh,
    woningen: wo,
    corporatie: wo > 0 ? corp / wo : NaN,
    overigeHuur: wo > 0 ? ov / wo : NaN,
    laagInkomen: hh > 0 ? li / hh : NaN,
    sociaalMinimum: hh > 0 ? sm / hh : NaN,
    kwetsbarePersonen: kw,
    oppervlakte: area,
  };
}

/** Cells of each wijk and gemeente (the same in both indelingen). */
export function cellsByUnit(model: DemoModel): { wijk: Map<string, number[]>; gemeente: Map<string, number[]> } {
  const wijk = new Map<string, number[]>();
  const gemeente = new Map<string, number[]>();
  for (const b of model.region.indelingB) {
    wijk.set(b.wijkcode, (wijk.get(b.wijkcode) ?? []).concat(b.cells));
    gemeente.set(b.gemeentecode, (gemeente.get(b.gemeentecode) ?? []).concat(b.cells));
  }
  return { wijk, gemeente };
}
