// Barrel of src/calibrate: re-exports only.
export * from './input.js';
export * from './quadrants.js';
export * from './counts.js';
export * from './sweep.js';
export * from './target.js';
export * from './reference.js';
export * from './dead-band.js';
export * from './stability.js';
export * from './chart.js';
