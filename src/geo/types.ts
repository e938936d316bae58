/** Coordinate reference systems the geometry helpers know (same values as the boundary `Crs`). */
export type GeoCrs = 'EPSG:28992' | 'EPSG:4326';

/** Bounding box `[minX, minY, maxX, maxY]`. */
export type BBox = [number, number, number, number];
