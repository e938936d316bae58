// Barrel of src/sources/leefbaarometer: re-exports only.
export * from './years.js';
export * from './classes.js';
export * from './level.js';
export * from './wide.js';
export * from './checks.js';
export * from './load.js';
export * from './reader.js';
