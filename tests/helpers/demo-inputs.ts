// The inputs of the embedded demo region as a run configuration writes them (absolute paths), for
// tests that write their own run.json around them.
import { join } from 'node:path';

const demo = join(new URL('../..', import.meta.url).pathname, 'data/demo');

/** `inputs` of a run configuration on the demo region's KWB, Leefbaarometer and boundaries. */
export function demoInputs(): Record<string, unknown> {
  return {
    kwb: { '2014': join(demo, 'kwb/synthetisch_kwb2014_82931NED.csv'), '2022': join(demo, 'kwb/synthetisch_kwb2022_85318NED.csv') },
    leefbaarometer: join(demo, 'leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'),
    boundaries: { t0: join(demo, 'geo/synthetisch_buurten_2014-2018_rd.geojson'), t1: join(demo, 'geo/synthetisch_buurten_2019-2022_rd.geojson') },
  };
}
