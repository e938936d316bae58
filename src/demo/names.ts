/**
 * Fictional place names for the synthetic region. Some carry é, ë, ï or ö on purpose: the
 * Windows-1252 corporation exports must get those bytes right.
 */
import type { Rng } from './prng.js';

/** Gemeente names of the demo region (fictional). */
export const DEMO_GEMEENTE_NAMEN: readonly string[] = ['Veerdam', 'Kraaghorst', 'Lindewaard', 'Sterrewolde'];

const GM_HEAD = ['Veer', 'Kraag', 'Linde', 'Sterre', 'Oude', 'Nieuw', 'Hooge', 'Lage', 'Wester', 'Ooster', 'Noorder', 'Zuider', 'Riet', 'Elzen', 'Zand', 'Klaver', 'Mos', 'Heide', 'Vlier', 'Brem', 'Gaas', 'Dors', 'Wolfs', 'Ravens'];
const GM_TAIL = ['dam', 'horst', 'waard', 'wolde', 'veen', 'broek', 'hoven', 'loo', 'mond', 'drecht', 'kerk', 'zijl', 'rade', 'beek', 'sloot', 'meer', 'heem', 'stein'];
const WK_NAMES = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Noordoost', 'Zuidoost', 'Zuidwest', 'Noordwest', 'Buitengebied', 'Havenkwartier', 'Stationsgebied', 'Oude Dorp', 'Nieuwland', 'De Polder', 'Bedrijvenpark'];
const BU_HEAD = ['Linden', 'Eiken', 'Beuken', 'Wilgen', 'Vogel', 'Bloemen', 'Molen', 'Kerk', 'Haven', 'Sluis', 'Dijk', 'Veld', 'Bos', 'Beek', 'Hof', 'Park', 'Schilders', 'Componisten', 'Sterren', 'Rivieren', 'Bomen', 'Vlinder', 'Poëzie', 'Café', 'Ruïne', 'Coöperatie', 'Financiële', 'Kanaal', 'Spoor', 'Tuinen', 'Akker', 'Weide', 'Duin', 'Klooster', 'Markt', 'Geest', 'Kreek', 'Zwaluwen'];
const BU_TAIL = ['buurt', 'wijk', 'hof', 'kwartier', 'veld', 'park', 'erf', 'hoek', 'dorp', 'rijk', 'laan', 'plein', 'kade', 'eiland'];
const STREET_HEAD = ['Linden', 'Eiken', 'Beuken', 'Poëzie', 'Café', 'Ruïne', 'Coöperatie', 'Scheepsbouw', 'Molen', 'Kerk', 'Haven', 'Rozen', 'Tulpen', 'Reiger', 'Zwanen', 'Koren', 'Hennep', 'Vlas', 'Smids', 'Bakkers', 'Émile Zola', 'Noël', 'René Descartes', 'Zoë', 'Mesdag', 'Israëls'];
const STREET_TAIL = ['straat', 'laan', 'weg', 'plein', 'hof', 'singel', 'kade', 'pad', 'dreef', 'gracht'];

/**
 * A unique fictional gemeente name (demo list first, then generated ones).
 * @param i index of the gemeente
 * @param rng random source used only for generated names
 * @param used names already handed out (updated)
 */
export function gemeenteNaam(i: number, rng: Rng, used: Set<string>): string {
  if (i < DEMO_GEMEENTE_NAMEN.length && !used.has(DEMO_GEMEENTE_NAMEN[i])) {
    used.add(DEMO_GEMEENTE_NAMEN[i]);
    return DEMO_GEMEENTE_NAMEN[i];
  }
  return unique(() => rng.pick(GM_HEAD) + rng.pick(GM_TAIL), used);
}

/** A wijk name unique within its gemeente. */
export function wijkNaam(i: number, gemeente: string, rng: Rng, used: Set<string>): string {
  const base = i < WK_NAMES.length ? WK_NAMES[i] : `${rng.pick(BU_HEAD)}${rng.pick(BU_TAIL)}`;
  return unique(() => (i === 0 ? `${gemeente}-${base}` : base), used);
}

/** A buurt name unique within its gemeente. */
export function buurtNaam(rng: Rng, used: Set<string>): string {
  return unique(() => rng.pick(BU_HEAD) + rng.pick(BU_TAIL), used);
}

/** A street name (not necessarily unique). */
export function straatNaam(rng: Rng): string {
  const head = rng.pick(STREET_HEAD);
  const tail = rng.pick(STREET_TAIL);
  return head.includes(' ') ? `${head}${tail}` : head + tail;
}

function unique(make: () => string, used: Set<string>): string {
  let name = make();
  for (let k = 0; k < 20 && used.has(name); k++) name = make();
  const base = name;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
}
