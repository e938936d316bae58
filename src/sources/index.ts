// Barrel of src/sources: re-exports only.
export * from './types.js';
export * from './formats.js';
export * from './registry.js';
export * from './boundaries/index.js';
