// Barrel of src/sources/pc6: re-exports only.
export * from './postcode.js';
export * from './tables.js';
export * from './lookup.js';
export * from './reader.js';
