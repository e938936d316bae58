/**
 * Summaries of a signal table: per category and per gemeente the number of buurten and of
 * residents, gemeenten with at least one buurt under pressure, the corporation strata and the
 * residents of corporatiebuurten — the figures the national study reported (DOMAIN.md §5), so a
 * researcher can set them side by side.
 */
import type { ColumnTable } from 'arquero';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS, type SignalCategory } from './categories.js';
import { FOCUS_CATEGORIES, FOCUS_COLUMN, FOCUS_LABELS, type FocusCategory } from './focus.js';
import { SIGNAL_COLUMN } from './assign.js';
import { CORPORATIE_KLASSEN, corporatieKlasse, isCorporatiebuurt } from '../indicators/corporation.js';
import { numbers, strings } from '../indicators/columns.js';
import { CHANGE_COLUMN as CH } from '../indicators/change.js';

export interface CategoryCount {
  label: string;
  buurten: number;
  inwoners: number;
}

export type CategoryCounts<C extends string> = Record<C, CategoryCount>;

function emptyCounts<C extends string>(cats: readonly C[], labels: Readonly<Record<C, string>>): CategoryCounts<C> {
  const out = {} as CategoryCounts<C>;
  for (const c of cats) out[c] = { label: labels[c], buurten: 0, inwoners: 0 };
  return out;
}

/** Residents count as 0 where unknown (they are still counted as a buurt). */
function add<C extends string>(counts: CategoryCounts<C>, c: C, inw: number): void {
  counts[c].buurten += 1;
  if (Number.isFinite(inw)) counts[c].inwoners += inw;
}

/** Counts per signal category (buurten and residents). */
export function countByCategory(table: ColumnTable, column: string = SIGNAL_COLUMN.categorie): CategoryCounts<SignalCategory> {
  const cat = table.array(column) as SignalCategory[];
  const inw = numbers(table, CH.inwoners);
  const out = emptyCounts(SIGNAL_CATEGORIES, SIGNAL_LABELS);
  cat.forEach((c, i) => add(out, c, inw[i]));
  return out;
}

/** Counts per focus category. */
export function countByFocus(table: ColumnTable): CategoryCounts<FocusCategory> {
  const cat = table.array(FOCUS_COLUMN.focus) as FocusCategory[];
  const inw = numbers(table, CH.inwoners);
  const out = emptyCounts(FOCUS_CATEGORIES, FOCUS_LABELS);
  cat.forEach((c, i) => add(out, c, inw[i]));
  return out;
}

export interface GemeenteSummary {
  code: string;
  /** Name (from column `gemeentenaam`, when the table has it). */
  naam?: string;
  buurten: number;
  inwoners: number;
  categories: CategoryCounts<SignalCategory>;
  /** At least one buurt `veerkracht_onder_druk`. */
  onder_druk: boolean;
}

/** Per gemeente (sorted by code). */
export function summariseGemeenten(table: ColumnTable, column: string = SIGNAL_COLUMN.categorie): GemeenteSummary[] {
  const gm = strings(table, CH.gemeente);
  const naam = table.columnNames().includes('gemeentenaam') ? strings(table, 'gemeentenaam') : null;
  const cat = table.array(column) as SignalCategory[];
  const inw = numbers(table, CH.inwoners);
  const by = new Map<string, GemeenteSummary>();
  gm.forEach((g, i) => {
    const code = g ?? '(onbekend)';
    let s = by.get(code);
    if (!s) {
      s = { code, buurten: 0, inwoners: 0, categories: emptyCounts(SIGNAL_CATEGORIES, SIGNAL_LABELS), onder_druk: false };
      if (naam && naam[i] !== null) s.naam = naam[i] as string;
      by.set(code, s);
    }
    s.buurten += 1;
    if (Number.isFinite(inw[i])) s.inwoners += inw[i];
    add(s.categories, cat[i], inw[i]);
    if (cat[i] === 'veerkracht_onder_druk') s.onder_druk = true;
  });
  return [...by.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export interface CorporatieSummary {
  /** Per corporation class (plus `onbekend` for a missing share): counts per signal category. */
  klassen: Record<string, { buurten: number; inwoners: number; categories: CategoryCounts<SignalCategory> }>;
  /** Buurten with more than two thirds corporation dwellings, and their residents. */
  corporatiebuurten: number;
  inwoners_in_corporatiebuurten: number;
  /** Residents of corporatiebuurten whose veerkracht is under pressure. */
  inwoners_corporatiebuurten_onder_druk: number;
}

/** Stratification by corporation share C (column `C`). */
export function summariseCorporatie(table: ColumnTable, column: string = SIGNAL_COLUMN.categorie): CorporatieSummary {
  const C = numbers(table, CH.C);
  const cat = table.array(column) as SignalCategory[];
  const inw = numbers(table, CH.inwoners);
  const klassen: CorporatieSummary['klassen'] = {};
  for (const k of [...CORPORATIE_KLASSEN, 'onbekend']) klassen[k] = { buurten: 0, inwoners: 0, categories: emptyCounts(SIGNAL_CATEGORIES, SIGNAL_LABELS) };
  let cb = 0;
  let cbInw = 0;
  let cbDruk = 0;
  for (let i = 0; i < C.length; i++) {
    const c = Number.isNaN(C[i]) ? null : C[i];
    const k = klassen[corporatieKlasse(c) ?? 'onbekend'];
    k.buurten += 1;
    const w = Number.isFinite(inw[i]) ? inw[i] : 0;
    k.inwoners += w;
    add(k.categories, cat[i], inw[i]);
    if (isCorporatiebuurt(c)) {
      cb += 1;
      cbInw += w;
      if (cat[i] === 'veerkracht_onder_druk') cbDruk += w;
    }
  }
  return { klassen, corporatiebuurten: cb, inwoners_in_corporatiebuurten: cbInw, inwoners_corporatiebuurten_onder_druk: cbDruk };
}

/** Number of buurten per reason for `onvoldoende_gegevens` (sorted by reason). */
export function countReasons(table: ColumnTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of strings(table, CH.reden)) if (r !== null) out[r] = (out[r] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
