// Barrel of src/sources/microdata: re-exports only.
export * from './format.js';
export * from './load.js';
export * from './shares.js';
export * from './indicator.js';
export * from './reader.js';
