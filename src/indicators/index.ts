// Barrel of src/indicators: re-exports only.
export * from './types.js';
export * from './columns.js';
export * from './corporation.js';
export * from './reindeling.js';
export * from './change.js';
export * from './build.js';
export * from './binomial.js';
export * from './kwetsbaar.js';
export * from './verhuringen.js';
export * from './eigen-bezit.js';
export * from './corporatie-signaal.js';
