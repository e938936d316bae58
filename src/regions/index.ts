// Barrel of src/regions: re-exports only.
export * from './codes.js';
export * from './match.js';
