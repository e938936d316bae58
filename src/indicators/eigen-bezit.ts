/**
 * C from a corporation's own stock: per region the number of its dwellings (VHE that are a
 * woning, placed in a buurt) and their share of all dwellings there (KWB woningvoorraad). It
 * stands beside the KWB corporation share (all corporations); either can drive the
 * corporatieklasse. Several corporations' stock adds up (a combined map).
 */

/** One placed VHE: its buurt (null when unplaced) and whether it is a dwelling. */
export interface PlacedVhe {
  buurt: string | null;
  woning: boolean;
}

/** Result of {@link eigenBezit}. */
export interface EigenBezit {
  /** Own dwellings per region of `codes` (0 where the corporation has none). */
  eigen_bezit: number[];
  /** KWB woningvoorraad per region (null when unknown). */
  woningen: (number | null)[];
  /** 100 · eigen_bezit / woningen; null when woningen is unknown or 0. */
  C_eigen: (number | null)[];
  /** Dwellings placed in a region that is not on the map (counted, with a few codes). */
  buitenKaart: { aantal: number; voorbeelden: string[] };
  /** Regions where the own stock exceeds the KWB dwellings (other year or indeling?), e.g. `BU…(120 of 100)`. */
  boven100: string[];
}

/**
 * Own dwellings and their share per region.
 *
 * @param codes regions of the map
 * @param vhe placed VHE of one or more corporations (only woningen count; unplaced ones are the caller's report)
 * @param woningen all dwellings per region (KWB woningvoorraad)
 * @param regionOf the map region of a buurt code (identity at buurt level, wijkOf / gemeenteOf above)
 * @example eigenBezit(['BU1'], [{ buurt: 'BU1', woning: true }], new Map([['BU1', 4]])).C_eigen // [25]
 */
export function eigenBezit(
  codes: readonly string[],
  vhe: Iterable<PlacedVhe>,
  woningen: ReadonlyMap<string, number | null>,
  regionOf: (buurt: string) => string | null = (b) => b,
): EigenBezit {
  const idx = new Map(codes.map((c, i) => [c, i]));
  const own = new Array<number>(codes.length).fill(0);
  const buitenKaart = { aantal: 0, voorbeelden: [] as string[] };
  for (const v of vhe) {
    if (v.buurt === null || !v.woning) continue;
    const r = regionOf(v.buurt);
    const i = r === null ? undefined : idx.get(r);
    if (i === undefined) {
      buitenKaart.aantal++;
      if (buitenKaart.voorbeelden.length < 5 && !buitenKaart.voorbeelden.includes(v.buurt)) buitenKaart.voorbeelden.push(v.buurt);
      continue;
    }
    own[i]++;
  }
  const w = codes.map((c) => woningen.get(c) ?? null);
  const boven100: string[] = [];
  const C_eigen = codes.map((c, i) => {
    const d = w[i];
    if (d === null || !(d > 0)) return null;
    if (own[i] > d) boven100.push(`${c} (${own[i]} van ${d})`);
    return (100 * own[i]) / d;
  });
  return { eigen_bezit: own, woningen: w, C_eigen, buitenKaart, boven100 };
}
