// Barrel of src/export: re-exports only.
export * from './atomic.js';
export * from './geojson.js';
export * from './topojson.js';
export * from './csv.js';
export * from './summary.js';
export * from './files.js';
export * from './xlsx.js';
