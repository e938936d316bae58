// Barrel of src/sources/boundaries: re-exports only.
export * from './types.js';
export * from './crs.js';
export * from './code-property.js';
export * from './assemble.js';
export * from './geojson.js';
export * from './topojson.js';
export * from './shp-reader.js';
export * from './gpkg-geometry.js';
export * from './gpkg-reader.js';
export * from './read.js';
export * from './convert.js';
export * from './simplify.js';
export * from './table.js';
export * from './reader.js';
