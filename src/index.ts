// Public API of veerkracht: re-exports only. Notebooks import this file (through notebooks/src).
export { VERSION } from './version.js';
export { VeerkrachtError, isUserError, showValue, type InputLocation } from './util/errors.js';
export * from './regions/index.js';
export * from './geo/index.js';
export * from './sources/index.js';
export * from './indicators/index.js';
export * from './classify/index.js';
export * from './calibrate/index.js';
export * from './spatial/index.js';
export * from './signal/index.js';
export * from './run/index.js';
export * from './viz/index.js';
export * from './export/index.js';
export * from './demo/index.js';
