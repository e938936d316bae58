/**
 * Topic titles as they appear in StatLine exports: plain titles, `|`-joined topic paths (the
 * "with statistical symbols" layout) and R-mangled headers (`Wonen.Woningvoorraad..aantal.`,
 * from `read.csv` on an export whose headers were "Wonen/Woningvoorraad (aantal)").
 */

/**
 * Normalise a title for matching: lower case, accents removed, every run of non-alphanumerics
 * one space.
 *
 * @example normalizeTitle('Huish. onder of rond sociaal minimum') // 'huish onder of rond sociaal minimum'
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Split an R-mangled title header into topic path and unit: `"<path> (<unit>)"` became
 * `path.with.dots..unit.`; a unit of `%` became a single dot.
 *
 * @returns null when the header does not end in a mangled `(unit)`
 * @example parseMangledTitle('Wonen.Woningvoorraad..aantal.') // { path: 'Wonen Woningvoorraad', unit: 'aantal' }
 * @example parseMangledTitle('Wonen.Woningen.naar.eigendom.Koopwoningen....') // { path: 'Wonen Woningen naar eigendom Koopwoningen', unit: '%' }
 */
export function parseMangledTitle(header: string): { path: string; unit: string } | null {
  const m = /^(.*[^.])\.\.(.*)\.$/.exec(header);
  if (!m) return null;
  const unitRaw = m[2];
  const unit = unitRaw === '.' ? '%' : unitRaw.replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  return { path: m[1].replace(/\./g, ' ').replace(/\s+/g, ' ').trim(), unit };
}

/**
 * Split a plain export header `"Title (unit)"` into title and unit (topic paths may be joined with `/` or `|`).
 *
 * @returns null when the header has no trailing `(unit)`
 * @example parseTitleWithUnit('Bevolkingsdichtheid (aantal inwoners per km²)') // { path: 'Bevolkingsdichtheid', unit: 'aantal inwoners per km²' }
 */
export function parseTitleWithUnit(header: string): { path: string; unit: string } | null {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(header.trim());
  return m ? { path: m[1].trim(), unit: m[2].trim() } : null;
}

/** The key stem of a StatLine topic key: the ordinal suffix and a leading `k_` removed (`k_40PersonenMetLaagsteInkomen_67` → `40PersonenMetLaagsteInkomen`). */
export function keyStem(key: string): string {
  return key.replace(/_\d+$/, '').replace(/^k_/, '');
}
