// Barrel of src/indicators: re-exports only.
export * from './types.js';
export * from './columns.js';
export * from './corporation.js';
export * from './reindeling.js';
export * from './change.js';
export * from './build.js';
