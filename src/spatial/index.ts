// Barrel of src/spatial: re-exports only.
export * from './weights.js';
export * from './segments.js';
export * from './rings.js';
export * from './tolerance.js';
export * from './contiguity.js';
export * from './centroid.js';
export * from './knn.js';
export * from './random.js';
export * from './normal.js';
export * from './moran.js';
export * from './lisa.js';
export * from './missing.js';
export * from './analysis.js';
export * from './topology.js';
