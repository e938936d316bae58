// Barrel of src/signal: re-exports only.
export * from './categories.js';
export * from './assign.js';
export * from './reference.js';
export * from './focus.js';
export * from './matrix.js';
export * from './summary.js';
