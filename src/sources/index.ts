// Barrel of src/sources: re-exports only.
export * from './types.js';
export * from './formats.js';
export * from './registry.js';
export * from './boundaries/index.js';
export * from './csv/index.js';
export * from './xlsx/index.js';
export * from './statline/index.js';
export * from './describe.js';
export * from './leefbaarometer/index.js';
export * from './pc6/index.js';
export * from './corporatie/index.js';
export * from './microdata/index.js';
export * from './fetch/index.js';
export * from './dropped.js';
