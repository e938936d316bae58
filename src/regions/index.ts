// Barrel of src/regions: re-exports only.
export * from './codes.js';
export * from './match.js';
export * from './soort.js';
export * from './hierarchy.js';
export * from './crosswalk.js';
export * from './reaggregate.js';
