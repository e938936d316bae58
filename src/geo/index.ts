// Barrel of src/geo: re-exports only.
export * from './types.js';
export * from './projection.js';
export * from './ring.js';
export * from './area.js';
export * from './bbox.js';
export * from './centroid.js';
export * from './rewind.js';
export * from './segments.js';
export * from './validate.js';
export * from './halfplane.js';
export * from './intersect.js';
export * from './dissolve.js';
export * from './simplify.js';
export * from './packed-geometry.js';
