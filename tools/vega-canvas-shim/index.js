// Same exports as vega-canvas 2.0.0. The real Node build does `await import('canvas')` at the
// top level, which makes every module that imports vega impossible to require() (tslab does).
// We never install node-canvas, so the real package would return null here as well.
export function domCanvas(w, h) {
  if (typeof document !== 'undefined' && document.createElement) {
    const c = document.createElement('canvas');
    if (c && c.getContext) {
      c.width = w;
      c.height = h;
      return c;
    }
  }
  return null;
}
export function nodeCanvas() {
  return null;
}
export function canvas(w, h) {
  return domCanvas(w, h);
}
export function image() {
  return typeof Image !== 'undefined' ? Image : null;
}
