/**
 * Which new tenants count as vulnerable ("kwetsbaar") in a corporation's lettings list: a rule
 * over the columns of `parseVerhuringen` (income class, urgency, statushouder, previous
 * situation). A letting is vulnerable when it meets ANY criterion the rule lists; a criterion
 * left out is not used.
 *
 * [I] The default rule is our own operationalisation (DOMAIN.md §2 names the study's groups;
 * lettings data carry only some of them): lowest incomes (income class "Primaire doelgroep", the
 * huurtoeslag target group), an urgency or priority status, and statushouders.
 */
import { foldHeader } from '../sources/corporatie/header.js';

/** Groups of the previous situation (columns of `parseVerhuringen`) a rule can name. */
export const VORIGE_SITUATIE_GROEPEN = ['uitstroom_ggz', 'beschermd_wonen', 'maatschappelijke_opvang', 'statushouder'] as const;
export type VorigeSituatieGroep = (typeof VORIGE_SITUATIE_GROEPEN)[number];

/** The `kwetsbaar` rule of `indicators.K` with `source: "verhuringen"`. */
export interface KwetsbaarRule {
  /** Income-class labels as they appear in the file (compared ignoring case, spaces and punctuation). */
  inkomensklasse?: string[];
  /** true: an urgency / priority status counts. */
  urgentie?: boolean;
  /** true: a statushouder counts. */
  statushouder?: boolean;
  /** Previous-situation groups that count. */
  vorige_situatie?: VorigeSituatieGroep[];
}

/**
 * [I] Our default: lowest incomes (Primaire doelgroep), urgency / priority, statushouder.
 * Labelled as ours in every output (`parameters.indicators.K_regel`).
 */
export const DEFAULT_KWETSBAAR: Readonly<KwetsbaarRule> = Object.freeze({ inkomensklasse: ['Primaire doelgroep'], urgentie: true, statushouder: true });

/** The rule in words, for outputs and legends. */
export function describeKwetsbaar(rule: KwetsbaarRule): string {
  const parts: string[] = [];
  if (rule.inkomensklasse && rule.inkomensklasse.length > 0) parts.push(`inkomensklasse ${rule.inkomensklasse.join(' of ')}`);
  if (rule.urgentie) parts.push('urgentie of voorrang');
  if (rule.statushouder) parts.push('statushouder');
  if (rule.vorige_situatie && rule.vorige_situatie.length > 0) parts.push(`vorige situatie ${rule.vorige_situatie.join(', ')}`);
  return parts.join('; ');
}

/** What {@link classifyLettings} found, per lettings list. */
export interface KwetsbaarReport {
  /** Lettings vulnerable, not vulnerable, unknown (no criterion true, some unknown). */
  kwetsbaar: number;
  niet: number;
  onbekend: number;
  /** Criteria of the rule whose column holds no value at all in this list: not used here. */
  nietGebruikt: string[];
  /** Income-class labels of the rule that never occur in the list. */
  labelsNietGevonden: string[];
  /** Income-class labels of the list with their counts (sorted by label). */
  labels: Record<string, number>;
  /** Lines for reports.warnings. */
  warnings: string[];
}

/** The columns of a lettings table that the rule reads (see `parseVerhuringen`). */
export interface LettingColumns {
  inkomensklasse: ArrayLike<unknown>;
  urgentie: ArrayLike<unknown>;
  statushouder: ArrayLike<unknown>;
  uitstroom_ggz: ArrayLike<unknown>;
  beschermd_wonen: ArrayLike<unknown>;
  maatschappelijke_opvang: ArrayLike<unknown>;
}

const flag = (v: unknown): boolean | null => (v === true ? true : v === false ? false : null);

/**
 * Classify every letting: true (meets a criterion), false (all used criteria known and none
 * met) or null (unknown: none met and at least one unknown). A criterion whose column is empty
 * in the whole list (absent from the export) is not used for that list and reported, so a
 * missing column never turns every letting into "unknown".
 *
 * @param columns the lettings columns (`table.array(name)` of a parsed lettings list)
 * @param rule the rule ({@link DEFAULT_KWETSBAAR} when the config gives none)
 * @param label the list's name in warnings
 * @example classifyLettings(cols, { urgentie: true }).kwetsbaar // [true, false, null, …]
 */
export function classifyLettings(columns: LettingColumns, rule: KwetsbaarRule, label = 'verhuringen'): { kwetsbaar: (boolean | null)[]; report: KwetsbaarReport } {
  const n = columns.inkomensklasse.length;
  const criteria: { name: string; value: (i: number) => boolean | null }[] = [];
  const labels: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const v = columns.inkomensklasse[i];
    if (v !== null && v !== undefined && String(v).trim() !== '') labels[String(v).trim()] = (labels[String(v).trim()] ?? 0) + 1;
  }
  const labelsNietGevonden: string[] = [];
  if (rule.inkomensklasse && rule.inkomensklasse.length > 0) {
    const wanted = new Set(rule.inkomensklasse.map(foldHeader));
    const present = new Set(Object.keys(labels).map(foldHeader));
    for (const l of rule.inkomensklasse) if (!present.has(foldHeader(l))) labelsNietGevonden.push(l);
    criteria.push({
      name: 'inkomensklasse',
      value: (i) => {
        const v = columns.inkomensklasse[i];
        return v === null || v === undefined || String(v).trim() === '' ? null : wanted.has(foldHeader(String(v)));
      },
    });
  }
  if (rule.urgentie) criteria.push({ name: 'urgentie', value: (i) => flag(columns.urgentie[i]) });
  if (rule.statushouder) criteria.push({ name: 'statushouder', value: (i) => flag(columns.statushouder[i]) });
  for (const g of rule.vorige_situatie ?? []) {
    const col = columns[g];
    criteria.push({ name: `vorige_situatie ${g}`, value: (i) => flag(col[i]) });
  }
  const nietGebruikt: string[] = [];
  const used = criteria.filter((c) => {
    for (let i = 0; i < n; i++) if (c.value(i) !== null) return true;
    if (n > 0) nietGebruikt.push(c.name);
    return n === 0;
  });
  const kwetsbaar: (boolean | null)[] = new Array(n);
  let kw = 0;
  let niet = 0;
  let onbekend = 0;
  for (let i = 0; i < n; i++) {
    let unknown = used.length === 0;
    let hit = false;
    for (const c of used) {
      const v = c.value(i);
      if (v === true) {
        hit = true;
        break;
      }
      if (v === null) unknown = true;
    }
    const out = hit ? true : unknown ? null : false;
    kwetsbaar[i] = out;
    if (out === true) kw++;
    else if (out === false) niet++;
    else onbekend++;
  }
  const warnings: string[] = [];
  if (nietGebruikt.length > 0) warnings.push(`${label}: geen waarden voor ${nietGebruikt.join(', ')}; dat criterium telt hier niet mee`);
  if (labelsNietGevonden.length > 0) {
    const found = Object.keys(labels).sort();
    warnings.push(`${label}: inkomensklasse ${labelsNietGevonden.map((l) => JSON.stringify(l)).join(', ')} komt niet voor; wel: ${found.slice(0, 8).map((l) => JSON.stringify(l)).join(', ') || 'geen'} (zet indicators.K.kwetsbaar.inkomensklasse)`);
  }
  if (onbekend > 0) warnings.push(`${label}: ${onbekend} verhuringen met onbekende kwetsbaarheid (geen criterium waar, een of meer onbekend): niet in het aandeel geteld`);
  const sortedLabels = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { kwetsbaar, report: { kwetsbaar: kw, niet, onbekend, nietGebruikt, labelsNietGevonden, labels: sortedLabels, warnings } };
}
