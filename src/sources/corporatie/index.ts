// Barrel of src/sources/corporatie: re-exports only.
export * from './header.js';
export * from './values.js';
export * from './bezit.js';
export * from './verhuringen.js';
export * from './place.js';
export * from './aggregate.js';
export * from './woningen.js';
export * from './reader.js';
export * from './place-verhuringen.js';
