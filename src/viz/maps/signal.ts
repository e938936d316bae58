/**
 * The signal map: each buurt in its signal category, with the fixed colour-blind-safe palette
 * and the Dutch labels of src/signal/categories.ts; buurten without a category are
 * "Onvoldoende gegevens", never left out.
 */
import type { VegaLiteSpec } from '../compile.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, type SignalCategory } from '../../signal/categories.js';
import type { MapGeometry } from '../geometry.js';
import { lookupByCode, mapSpec, type MapOptions } from './base.js';

/** The signal legend in SIGNAL_CATEGORIES order. */
export function signalLegend(): { labels: string[]; colours: string[] } {
  return {
    labels: SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]),
    colours: SIGNAL_CATEGORIES.map((c) => SIGNAL_COLOURS[c]),
  };
}

/**
 * A signal map spec.
 *
 * @param categories Category per buurt code; a code not present is `onvoldoende_gegevens`.
 * @example signalMapSpec(geo, new Map([['BU03440111', 'veerkracht_onder_druk']]), { title: 'Signaleringskaart', period: '2016–2020', synthetic: true })
 */
export function signalMapSpec(
  buurten: MapGeometry,
  categories: ReadonlyMap<string, SignalCategory | null> | Readonly<Record<string, SignalCategory | null>>,
  options: MapOptions,
): VegaLiteSpec {
  return mapSpec(
    buurten,
    (code) => SIGNAL_LABELS[lookupByCode(categories, code) ?? 'onvoldoende_gegevens'],
    signalLegend(),
    { legendTitle: 'Signaal', ...options },
  );
}
