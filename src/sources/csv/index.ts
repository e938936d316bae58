// Barrel of src/sources/csv: re-exports only.
export * from './decode.js';
export * from './dialect.js';
export * from './records.js';
export * from './number.js';
export * from './read.js';
export * from './columns.js';
export * from './checksum.js';
export * from './reader.js';
export * from './warnings.js';
