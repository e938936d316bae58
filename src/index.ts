// Public API of veerkracht: re-exports only. Notebooks import this file (through notebooks/src).
export { VERSION } from './version.js';
export { VeerkrachtError, isUserError, type InputLocation } from './util/errors.js';
export { renderSvg, renderPng, svgToPng, type PngOptions } from './viz/render.js';
export { compileVegaLite, type VegaLiteSpec } from './viz/compile.js';
