/**
 * Title, period, source attribution and the "synthetische gegevens" label every chart and map
 * carries, so a figure lifted out of a report still says what it shows and where it comes from.
 */

/** Default source attribution printed on maps and charts. */
export const DEFAULT_ATTRIBUTION = 'Bron: CBS, Leefbaarometer 3.0';

/** Label added when a figure shows the synthetic demo data (DESIGN.md, data policy). */
export const SYNTHETIC_LABEL = 'synthetische gegevens';

/** What every figure says about itself. */
export interface FrameOptions {
  /** Main title. */
  title: string;
  /** The period shown, e.g. `2016–2020`. */
  period?: string;
  /** Source attribution (default {@link DEFAULT_ATTRIBUTION}). */
  source?: string;
  /** True when the data is synthetic: adds "synthetische gegevens" to the subtitle. */
  synthetic: boolean;
}

/**
 * A Vega-Lite title object: the title, then subtitle lines with the period and the source
 * (plus "synthetische gegevens" when synthetic).
 *
 * @example frameTitle({ title: 'Signalen', period: '2016–2020', synthetic: true })
 * // { text: 'Signalen', subtitle: ['Periode 2016–2020', 'Bron: CBS, Leefbaarometer 3.0 · synthetische gegevens'], anchor: 'start' }
 */
export function frameTitle(o: FrameOptions): { text: string; subtitle: string[]; anchor: 'start' } {
  const subtitle: string[] = [];
  if (o.period !== undefined && o.period !== '') subtitle.push(`Periode ${o.period}`);
  const source = o.source ?? DEFAULT_ATTRIBUTION;
  subtitle.push(o.synthetic ? `${source} · ${SYNTHETIC_LABEL}` : source);
  return { text: o.title, subtitle, anchor: 'start' };
}
