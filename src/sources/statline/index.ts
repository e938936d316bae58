// Barrel of src/sources/statline: re-exports only.
export * from './tables.js';
export * from './titles.js';
export * from './properties.js';
export * from './assemble.js';
export * from './odata.js';
export * from './csv-export.js';
export * from './reader.js';
export * from './concepts.js';
export * from './select-concepts.js';
export * from './mapped.js';
