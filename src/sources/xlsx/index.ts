// Barrel of src/sources/xlsx: re-exports only.
export * from './xml.js';
export * from './read.js';
export * from './table.js';
