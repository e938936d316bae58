// Barrel of src/export: re-exports only.
export * from './atomic.js';
