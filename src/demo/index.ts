// Barrel of src/demo (`veerkracht/demo`): re-exports only. Generic names carry a DEMO_/Demo prefix
// so they never clash with the loaders' own constants where both are imported.
export { Rng as DemoRng } from './prng.js';
export {
  DEMO_SEED,
  KWB_YEARS as DEMO_KWB_YEARS,
  LBM_YEARS as DEMO_LBM_YEARS,
  INDELING_CHANGE_YEAR as DEMO_INDELING_CHANGE_YEAR,
  LBM_REFERENCE as DEMO_LBM_REFERENCE,
  demoOptions,
  type DemoOptions,
  type DemoScale,
} from './options.js';
export { KWB_EDITIONS as DEMO_KWB_EDITIONS, ODATA_EDITION_YEAR as DEMO_ODATA_YEAR, type KwbEdition as DemoKwbEdition, type KwbConcept as DemoKwbConcept } from './kwb-keys.js';
export { TRAJECTORIES as DEMO_TRAJECTORIES, EXPECTED_SIGNAL as DEMO_EXPECTED_SIGNAL, type Trajectory as DemoTrajectory } from './trajectories.js';
export { encodeCp1252 } from './cp1252.js';
export { buildModel as buildDemoModel, type DemoModel } from './model.js';
export { generateDemo, type DemoOutput } from './generate.js';
export { writeDemoFiles } from './write-files.js';
export { TRUTH_FILE as DEMO_TRUTH_FILE } from './truth.js';
export type { DemoStats } from './stats.js';
