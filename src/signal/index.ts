// Barrel of src/signal: re-exports only.
export * from './categories.js';
