/**
 * The coordinate grid of a boundary file, to choose a snapping tolerance for contiguity
 * (`contiguityWeights(…, { tolerance })`, `veerkracht moran --snap`): simplified files round
 * coordinates to a fixed number of decimals (cartomap: 3 decimals of a degree; TopoJSON
 * quantisation likewise puts every vertex on a grid). Contiguity itself does not snap unless
 * asked: libpysal's definition compares vertices exactly.
 */

/**
 * The coarsest power of ten (10^-k, k = 0…12) that every coordinate is a multiple of, or null
 * when the coordinates carry full floating-point precision.
 *
 * @param coords - flat list of coordinate values (x and y mixed).
 * @returns the grid step, e.g. 0.001 for coordinates written with 3 decimals.
 * @example coordinateQuantum([5.098, 52.085, 5.1]) // 0.001
 */
export function coordinateQuantum(coords: ArrayLike<number>): number | null {
  for (let k = 0; k <= 12; k++) {
    const scale = 10 ** k;
    let ok = true;
    for (let t = 0; t < coords.length && ok; t++) {
      const s = coords[t] * scale;
      if (Math.abs(s) > 2 ** 49) return null;
      if (Math.abs(s - Math.round(s)) > 1e-6) ok = false;
    }
    if (ok) return 1 / scale;
  }
  return null;
}

/**
 * Default contiguity tolerance: half the coordinate grid step when the coordinates are rounded
 * (exact duplicates match, the next grid point does not), else 10^-9 of the extent's diagonal
 * (≈ 0.3 mm for the Netherlands in RD New, ≈ 4·10^-9° in WGS84).
 *
 * @param coords - flat list of coordinate values, x and y interleaved.
 * @returns a tolerance in coordinate units (> 0).
 * @example defaultTolerance([5.098, 52.085, 5.1, 52.08]) // 0.0005
 */
export function defaultTolerance(coords: ArrayLike<number>): number {
  const q = coordinateQuantum(coords);
  if (q !== null) return q / 2;
  let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
  for (let t = 0; t + 1 < coords.length; t += 2) {
    const x = coords[t];
    const y = coords[t + 1];
    if (x < minx) minx = x;
    if (x > maxx) maxx = x;
    if (y < miny) miny = y;
    if (y > maxy) maxy = y;
  }
  const diag = Math.hypot(maxx - minx, maxy - miny);
  return diag > 0 && Number.isFinite(diag) ? diag * 1e-9 : 1e-9;
}
