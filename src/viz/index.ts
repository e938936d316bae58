// Barrel of src/viz: re-exports only.
export * from './render.js';
export * from './compile.js';
