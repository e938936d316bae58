/**
 * Harmonised KWB concepts: ask for `corporatie_pct`, not for `InBezitWoningcorporatie_49`.
 * Each edition's column is found by its title (leaf title or the tail of its topic path) or by
 * its key stem (the key without the ordinal suffix that shifts between editions), never by a
 * hard-coded key. An edition without the concept gets a clear "absent" answer.
 */
import { VeerkrachtError } from '../../util/errors.js';
import type { ColumnMeta, LoadedTable } from '../types.js';
import { keyStem, normalizeTitle } from './titles.js';

/** A harmonised KWB concept and how to recognise it in any edition. */
export interface KwbConcept {
  id: string;
  /** Dutch label. */
  label: string;
  /** Unit of the concept (`aantal`, `%`, `x 1 000 euro`, `code`). */
  unit: string;
  /** Normalised titles (see {@link normalizeTitle}); a column matches when its title equals one or ends with ` ` + one. */
  titles: string[];
  /** Normalised title tails that must not match (e.g. `niet woningvoorraad`). */
  notTitles?: string[];
  /**
   * Key stems (see {@link keyStem}), compared case-insensitively: StatLine keys of every edition
   * (the ordinal suffix shifts: `InBezitWoningcorporatie_41/42/43/49/65`) and the attribute names
   * of the PDOK wijk- en buurtkaart (`percHuurwoningenInBezitWoningcorporaties`).
   */
  keyStems: string[];
  /** Concepts computed from two others: numerator / denominator × scale. */
  derived?: { numerator: string; denominator: string; scale: number };
  /** Definition note shown with the concept. */
  note?: string;
}

/** The registry of harmonised KWB concepts (editions 2016–2025). */
export const KWB_CONCEPTS: readonly KwbConcept[] = [
  { id: 'inwoners', label: 'Aantal inwoners', unit: 'aantal', titles: ['aantal inwoners'], keyStems: ['AantalInwoners'] },
  { id: 'huishoudens', label: 'Huishoudens totaal', unit: 'aantal', titles: ['huishoudens totaal'], keyStems: ['HuishoudensTotaal', 'aantalHuishoudens'] },
  {
    id: 'woningvoorraad',
    label: 'Woningvoorraad',
    unit: 'aantal',
    titles: ['woningvoorraad'],
    notTitles: ['niet woningvoorraad'],
    keyStems: ['Woningvoorraad', 'aantalWoningen'],
  },
  {
    id: 'corporatie_pct',
    label: 'Huurwoningen in bezit woningcorporatie',
    unit: '%',
    titles: ['in bezit woningcorporatie', 'in bezit woningcorporaties', 'huurwoningen in bezit woningcorporaties'],
    keyStems: ['InBezitWoningcorporatie', 'InBezitWoningcorporaties', 'HuurwoningenInBezitWoningcorporaties', 'HuurwoningenInBezitWoningcorporatie', 'percHuurwoningenInBezitWoningcorporaties'],
    note: 'owned by a toegelaten instelling (corporation), not a rent level',
  },
  { id: 'koopwoningen_pct', label: 'Koopwoningen', unit: '%', titles: ['koopwoningen'], keyStems: ['Koopwoningen', 'percentageKoopwoningen'] },
  { id: 'huurwoningen_pct', label: 'Huurwoningen totaal', unit: '%', titles: ['huurwoningen totaal'], keyStems: ['HuurwoningenTotaal', 'percentageHuurwoningen'] },
  {
    id: 'woz_gemiddeld',
    label: 'Gemiddelde WOZ-waarde van woningen',
    unit: 'x 1 000 euro',
    titles: ['gemiddelde woz waarde van woningen', 'gemiddelde woningwaarde'],
    keyStems: ['GemiddeldeWOZWaardeVanWoningen', 'GemiddeldeWoningwaarde'],
  },
  {
    id: 'laag_inkomen_huishoudens_pct',
    label: 'Huishoudens met een laag inkomen',
    unit: '%',
    titles: ['huishoudens met een laag inkomen', 'huishoudens met laag inkomen'],
    keyStems: ['HuishoudensMetEenLaagInkomen', 'HuishoudensMetLaagInkomen'],
    note: 'standardised disposable household income below a fixed real threshold',
  },
  {
    id: 'sociaal_minimum_pct',
    label: 'Huishoudens onder of rond sociaal minimum',
    unit: '%',
    titles: ['huish onder of rond sociaal minimum', 'huishoudens onder of rond sociaal minimum'],
    keyStems: ['HuishOnderOfRondSociaalMinimum', 'HuishoudensOnderOfRondSociaalMinimum'],
  },
  {
    id: 'inkomen_40pct_laagste_pct',
    label: '40% personen met laagste inkomen',
    unit: '%',
    titles: ['40 personen met laagste inkomen'],
    keyStems: ['40PersonenMetLaagsteInkomen'],
    note: 'share of persons among the national 40% lowest personal incomes',
  },
  {
    id: 'bijstand',
    label: 'Personen per soort uitkering; bijstand',
    unit: 'aantal',
    titles: ['personen per soort uitkering bijstand'],
    keyStems: ['PersonenPerSoortUitkeringBijstand'],
  },
  {
    id: 'eenpersoonshuishoudens',
    label: 'Eenpersoonshuishoudens',
    unit: 'aantal',
    titles: ['eenpersoonshuishoudens'],
    keyStems: ['Eenpersoonshuishoudens', 'aantalEenpersoonshuishoudens'],
  },
  {
    id: 'eenpersoonshuishoudens_pct',
    label: 'Eenpersoonshuishoudens (% van huishoudens)',
    unit: '%',
    titles: [],
    keyStems: [],
    derived: { numerator: 'eenpersoonshuishoudens', denominator: 'huishoudens', scale: 100 },
    note: 'KWB publishes a count; the share is computed as eenpersoonshuishoudens / huishoudens × 100',
  },
  {
    id: 'stedelijkheid',
    label: 'Mate van stedelijkheid (1 zeer sterk … 5 niet stedelijk)',
    unit: 'code',
    titles: ['mate van stedelijkheid'],
    keyStems: ['MateVanStedelijkheid'],
  },
  {
    id: 'omgevingsadressendichtheid',
    label: 'Omgevingsadressendichtheid',
    unit: 'per km²',
    titles: ['omgevingsadressendichtheid'],
    keyStems: ['Omgevingsadressendichtheid'],
  },
  {
    id: 'inkomen_per_inwoner',
    label: 'Gemiddeld inkomen per inwoner',
    unit: 'x 1 000 euro',
    titles: ['gemiddeld inkomen per inwoner'],
    keyStems: ['GemiddeldInkomenPerInwoner'],
  },
  {
    id: 'bevolkingsdichtheid',
    label: 'Bevolkingsdichtheid',
    unit: 'aantal inwoners per km²',
    titles: ['bevolkingsdichtheid'],
    keyStems: ['Bevolkingsdichtheid'],
  },
];

/** A column description concept resolution works on (ColumnMeta, or a DataProperties topic). */
export interface ConceptCandidate {
  name: string;
  sourceKey?: string;
  title?: string;
  unit?: string;
  /** Set when a column mapping named the concept outright: then no title or key is needed. */
  concept?: string;
}

/** The answer of {@link resolveConcept}. */
export type ConceptResolution =
  | {
      status: 'found';
      concept: KwbConcept;
      column: string;
      sourceKey: string;
      title?: string;
      unit?: string;
      via: 'title' | 'key';
      /** Other columns that matched too (the first one is used). */
      alternatives: string[];
    }
  | { status: 'derived'; concept: KwbConcept; numerator: string; denominator: string; scale: number }
  | { status: 'absent'; concept: KwbConcept; message: string };

/**
 * The concept with this id.
 *
 * @throws VeerkrachtError for an unknown id, listing the known ones
 */
export function kwbConcept(id: string): KwbConcept {
  const c = KWB_CONCEPTS.find((x) => x.id === id);
  if (!c) {
    throw new VeerkrachtError(`unknown KWB concept ${JSON.stringify(id)}`, {
      expected: `one of ${KWB_CONCEPTS.map((x) => x.id).join(', ')}`,
    });
  }
  return c;
}

/** Units compared without punctuation or superscripts (`per km²` = mangled `per km`), `%` = `procent`. */
const unitOf = (u: string) => {
  const n = normalizeTitle(u.replace(/%/g, ' pct '));
  return n === 'procent' || n === 'percentage' ? 'pct' : n;
};

/** How a candidate matches a concept: by title, by key stem, or not. */
export function matchConcept(concept: KwbConcept, c: ConceptCandidate): 'title' | 'key' | null {
  if (c.unit && concept.unit && unitOf(c.unit) !== unitOf(concept.unit) && !(concept.unit === 'code' || c.unit === 'code')) {
    // a count is not a percentage: units must agree when both are known
    if (!(unitOf(concept.unit).startsWith('aantal') && unitOf(c.unit).startsWith('aantal'))) return null;
  }
  if (c.title) {
    const t = normalizeTitle(c.title);
    const excluded = (concept.notTitles ?? []).some((x) => t === x || t.endsWith(` ${x}`));
    if (!excluded && concept.titles.some((x) => t === x || t.endsWith(` ${x}`))) return 'title';
  }
  const stem = keyStem(c.sourceKey ?? c.name).toLowerCase();
  if (concept.keyStems.some((s) => s.toLowerCase() === stem)) return 'key';
  return null;
}

function candidatesOf(source: LoadedTable | readonly ConceptCandidate[]): readonly ConceptCandidate[] {
  return Array.isArray(source) ? source : (source as LoadedTable).columns;
}

function editionOf(source: LoadedTable | readonly ConceptCandidate[]): string {
  if (Array.isArray(source)) return 'this table';
  const p = (source as LoadedTable).provenance;
  const parts = [p.edition ?? (p.year ? `KWB ${p.year}` : undefined), p.tableId ? `(${p.tableId})` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : p.file ?? 'this table';
}

/**
 * Find the column of a harmonised concept in a loaded KWB table (or in a list of columns, e.g.
 * the topics of a DataProperties response).
 *
 * @returns `found` with the column, `derived` with the two columns to divide, or `absent` with a
 *   message naming the edition and what was searched
 * @example resolveConcept(kwb2024, 'corporatie_pct') // { status: 'found', column: 'InBezitWoningcorporatie_49', … }
 */
export function resolveConcept(source: LoadedTable | readonly ConceptCandidate[], conceptId: string): ConceptResolution {
  const concept = kwbConcept(conceptId);
  const cands = candidatesOf(source).filter((c) => !['code', 'level', 'gemeente', 'naam'].includes(c.name) || c.sourceKey);
  const tagged = cands.find((c) => c.concept === concept.id);
  if (tagged) {
    // a column mapping named this concept outright
    return { status: 'found', concept, column: tagged.name, sourceKey: tagged.sourceKey ?? tagged.name, via: 'key', alternatives: [], ...(tagged.title !== undefined ? { title: tagged.title } : {}), ...(tagged.unit !== undefined ? { unit: tagged.unit } : {}) };
  }
  if (concept.derived) {
    const num = resolveConcept(source, concept.derived.numerator);
    const den = resolveConcept(source, concept.derived.denominator);
    if (num.status === 'found' && den.status === 'found') {
      return { status: 'derived', concept, numerator: num.column, denominator: den.column, scale: concept.derived.scale };
    }
    const missing = [num, den].filter((r) => r.status !== 'found').map((r) => r.concept.id);
    return {
      status: 'absent',
      concept,
      message: `${editionOf(source)} lacks ${JSON.stringify(concept.id)} (${concept.label}): it is computed from ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} absent`,
    };
  }
  const hits: { c: ConceptCandidate; via: 'title' | 'key' }[] = [];
  for (const c of cands) {
    const via = matchConcept(concept, c);
    if (via) hits.push({ c, via });
  }
  hits.sort((a, b) => (a.via === b.via ? 0 : a.via === 'title' ? -1 : 1));
  if (hits.length === 0) {
    return {
      status: 'absent',
      concept,
      message: `${editionOf(source)} has no column for ${JSON.stringify(concept.id)} (${concept.label}); searched titles ${concept.titles
        .map((t) => JSON.stringify(t))
        .join(', ')} and key stems ${concept.keyStems.join(', ')}`,
    };
  }
  const h = hits[0].c;
  const r: ConceptResolution = {
    status: 'found',
    concept,
    column: h.name,
    sourceKey: h.sourceKey ?? h.name,
    via: hits[0].via,
    alternatives: hits.slice(1).map((x) => x.c.name),
  };
  if (h.title !== undefined) r.title = h.title;
  if (h.unit !== undefined) r.unit = h.unit;
  return r;
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = String(v).trim();
  if (s === '' || !/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

/**
 * The values of a concept, one per row (null where missing; derived shares null where the
 * denominator is 0 or missing).
 *
 * @throws VeerkrachtError when the edition lacks the concept (the message says which edition)
 * @example conceptValues(kwb, 'inwoners')[0] // 17081507
 */
export function conceptValues(loaded: LoadedTable, conceptId: string): (number | null)[] {
  const r = resolveConcept(loaded, conceptId);
  if (r.status === 'absent') throw new VeerkrachtError(r.message, { file: loaded.provenance.file, column: conceptId });
  if (r.status === 'found') return (loaded.table.array(r.column) as unknown[]).map(toNumber);
  const num = loaded.table.array(r.numerator) as unknown[];
  const den = loaded.table.array(r.denominator) as unknown[];
  return num.map((x, i) => {
    const a = toNumber(x);
    const b = toNumber(den[i]);
    return a === null || b === null || b === 0 ? null : (a / b) * r.scale;
  });
}

/**
 * Which registry concepts a table (or DataProperties topic list) has: the column per concept,
 * `derived` for computed ones, or null when the edition lacks it.
 *
 * @example conceptCoverage(kwb2017).corporatie_pct // null
 */
export function conceptCoverage(source: LoadedTable | readonly ConceptCandidate[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of KWB_CONCEPTS) {
    const r = resolveConcept(source, c.id);
    out[c.id] = r.status === 'found' ? r.column : r.status === 'derived' ? `${r.numerator} / ${r.denominator}` : null;
  }
  return out;
}
