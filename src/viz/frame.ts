/**
 * Title, period, source attribution and the "synthetische gegevens" label every chart and map
 * carries, so a figure lifted out of a report still says what it shows and where it comes from.
 */

/** Default source attribution printed on maps and charts. */
export const DEFAULT_ATTRIBUTION = 'Bron: CBS, Leefbaarometer 3.0';

/** Label added when a figure shows the synthetic demo data (DESIGN.md, data policy). */
export const SYNTHETIC_LABEL = 'synthetische gegevens';

/** Longest title or subtitle line drawn on a figure; longer text is cut with "…" (a 6,000-character title made a 62,000 px wide SVG). */
export const MAX_DRAWN_TEXT = 120;

/**
 * Text as it may be drawn: at most `max` characters, cut with "…", line breaks and control
 * characters turned into spaces.
 *
 * @example drawable('x'.repeat(200)).length // 120
 */
export function drawable(text: string, max = MAX_DRAWN_TEXT): string {
  const flat = text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

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
  if (o.period !== undefined && o.period !== '') subtitle.push(drawable(`Periode ${o.period}`));
  const source = o.source ?? DEFAULT_ATTRIBUTION;
  subtitle.push(drawable(o.synthetic ? `${source} · ${SYNTHETIC_LABEL}` : source));
  return { text: drawable(o.title), subtitle, anchor: 'start' };
}
