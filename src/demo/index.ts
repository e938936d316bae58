// Barrel of src/demo: re-exports only.
export { Rng } from './prng.js';
export { DEMO_SEED, KWB_YEARS, LBM_YEARS, INDELING_CHANGE_YEAR, LBM_REFERENCE, demoOptions, type DemoOptions, type DemoScale } from './options.js';
export { KWB_EDITIONS, ODATA_EDITION_YEAR, type KwbEdition, type KwbConcept } from './kwb-keys.js';
export { TRAJECTORIES, EXPECTED_SIGNAL, type Trajectory } from './trajectories.js';
export { encodeCp1252 } from './cp1252.js';
export { ringArea, unionRings, type Ring } from './rings.js';
export { buildModel, type DemoModel } from './model.js';
export { generateDemo, type DemoOutput } from './generate.js';
export { writeDemoFiles } from './write-files.js';
export { TRUTH_FILE } from './truth.js';
export type { DemoStats } from './stats.js';
