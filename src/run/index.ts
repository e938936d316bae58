// Barrel of src/run: re-exports only.
export * from './config.js';
export * from './load.js';
export * from './compute.js';
export * from './figures.js';
export * from './summary.js';
export * from './write.js';
export * from './job.js';
export * from './workbook.js';
