/**
 * Matrix handelingskaders Veerkracht: links a buurt's signal (development) to an action frame,
 * given its current position. The national matrix is not publicly documented; this is our
 * configurable model of it [I]: rows = signal categories, columns = current position (from the
 * focuskaart), cells = an action frame with a short text. The default content is an
 * ILLUSTRATIVE DEFAULT written by the veerkracht project, not the study's matrix.
 */
import { SIGNAL_CATEGORIES, type SignalCategory } from './categories.js';
import { FOCUS_CATEGORIES, type FocusCategory } from './focus.js';
import { VeerkrachtError } from '../util/errors.js';

export interface MatrixCell {
  /** Short name of the action frame (e.g. `Gezamenlijk ingrijpen`). */
  kader: string;
  /** One or two sentences for the dialogue with local partners. */
  tekst: string;
}

export interface HandelingsMatrix {
  /** Title shown with the matrix. */
  titel: string;
  /** Shown wherever the matrix is shown (the default says it is illustrative). */
  toelichting: string;
  /** rows[signal][position] → cell. Every signal category × focus position must be present. */
  cellen: Record<SignalCategory, Record<FocusCategory, MatrixCell>>;
}

const cell = (kader: string, tekst: string): MatrixCell => ({ kader, tekst });
const ONBEKEND = cell('Eerst gegevens aanvullen', 'Onvoldoende gegevens: vul aan met lokale kennis en eigen registraties voordat een kader wordt gekozen.');

/** The illustrative default. Replace it with your own via {@link parseMatrix}. */
export const DEFAULT_MATRIX: HandelingsMatrix = {
  titel: 'Matrix handelingskaders (illustratieve standaard)',
  toelichting:
    'Illustratieve standaard van de veerkracht-toolkit, niet de matrix uit de landelijke studie. Vervang hem door de eigen afspraken met lokale partners (JSON).',
  cellen: {
    veerkracht_onder_druk: {
      focus: cell('Gezamenlijk ingrijpen', 'Gebiedsaanpak van gemeente, corporatie, zorg en politie; toewijzing en spreiding heroverwegen.'),
      hoge_kwetsbaarheid: cell('Ondersteuning opschalen', 'Zorg en begeleiding bij instroom versterken voordat overlast verder toeneemt.'),
      lage_leefbaarheid: cell('Herstellen en handhaven', 'Overlast en onveiligheid aanpakken; beheer en toezicht intensiveren.'),
      geen_focus: cell('Vroegsignaleren', 'Ontwikkeling is ongunstig bij nog gemiddelde stand: samen volgen en vroeg bijsturen.'),
      onvoldoende_gegevens: ONBEKEND,
    },
    kwetsbaarheid_neemt_toe: {
      focus: cell('Draagkracht versterken', 'Bewonersnetwerken en voorzieningen versterken; instroom van kwetsbare bewoners begeleiden.'),
      hoge_kwetsbaarheid: cell('Begeleid huisvesten', 'Instroom met begeleiding en nazorg; afspraken over spreiding maken.'),
      lage_leefbaarheid: cell('Verbinden', 'Sociale samenhang en ontmoeting stimuleren zodat de buurt de toename kan dragen.'),
      geen_focus: cell('Volgen', 'De buurt vangt de toename op: blijven volgen met lokale partners.'),
      onvoldoende_gegevens: ONBEKEND,
    },
    leefbaarheid_verslechtert: {
      focus: cell('Veiligheid voorop', 'Gerichte aanpak van overlast met politie en handhaving, samen met bewoners.'),
      hoge_kwetsbaarheid: cell('Overlast aanpakken', 'Achtergronden van overlast in kaart brengen; zorg en veiligheid koppelen.'),
      lage_leefbaarheid: cell('Beheer versterken', 'Fysiek beheer en toezicht verbeteren; bewoners betrekken.'),
      geen_focus: cell('Alert blijven', 'Lichte verslechtering bij gemiddelde stand: signalen bespreken in het buurtoverleg.'),
      onvoldoende_gegevens: ONBEKEND,
    },
    geen_signaal: {
      focus: cell('Vasthouden', 'Hoge kwetsbaarheid en lage leefbaarheid zonder verslechtering: inzet continueren.'),
      hoge_kwetsbaarheid: cell('Continueren', 'Stabiel op hoog niveau van kwetsbaarheid: bestaande ondersteuning behouden.'),
      lage_leefbaarheid: cell('Continueren', 'Stabiel op laag niveau van leefbaarheid: bestaande aanpak behouden.'),
      geen_focus: cell('Regulier', 'Geen signaal: regulier beheer en monitoring.'),
      onvoldoende_gegevens: ONBEKEND,
    },
    onvoldoende_gegevens: Object.fromEntries(FOCUS_CATEGORIES.map((f) => [f, ONBEKEND])) as Record<FocusCategory, MatrixCell>,
  },
};

/**
 * Validate a researcher's own matrix (parsed JSON). Missing rows or cells, or cells without a
 * `kader` string, are user errors naming the field; `file` goes into the message.
 */
export function parseMatrix(json: unknown, file = 'matrix'): HandelingsMatrix {
  const fail = (column: string, expected: string, found: unknown): never => {
    throw new VeerkrachtError('invalid Matrix handelingskaders', { file, column, expected, found: JSON.stringify(found)?.slice(0, 60) ?? 'undefined' });
  };
  if (typeof json !== 'object' || json === null) fail('(root)', 'an object with titel, toelichting, cellen', json);
  const o = json as Record<string, unknown>;
  if (typeof o.titel !== 'string') fail('titel', 'a string', o.titel);
  if (typeof o.toelichting !== 'string') fail('toelichting', 'a string', o.toelichting);
  if (typeof o.cellen !== 'object' || o.cellen === null) fail('cellen', 'an object keyed by signal category', o.cellen);
  const cellen = o.cellen as Record<string, unknown>;
  for (const key of Object.keys(cellen)) {
    if (!(SIGNAL_CATEGORIES as readonly string[]).includes(key)) fail(`cellen.${key}`, `one of ${SIGNAL_CATEGORIES.join(', ')}`, key);
  }
  for (const s of SIGNAL_CATEGORIES) {
    const row = cellen[s];
    if (typeof row !== 'object' || row === null) fail(`cellen.${s}`, 'an object keyed by position', row);
    for (const f of FOCUS_CATEGORIES) {
      const c = (row as Record<string, unknown>)[f] as Record<string, unknown> | undefined;
      if (typeof c !== 'object' || c === null) fail(`cellen.${s}.${f}`, 'an object {kader, tekst}', c);
      if (typeof c!.kader !== 'string' || c!.kader === '') fail(`cellen.${s}.${f}.kader`, 'a non-empty string', c!.kader);
      if (typeof c!.tekst !== 'string') fail(`cellen.${s}.${f}.tekst`, 'a string', c!.tekst);
    }
  }
  return json as HandelingsMatrix;
}

/** The action frame for one buurt. */
export function handelingskader(m: HandelingsMatrix, signal: SignalCategory, positie: FocusCategory): MatrixCell {
  return m.cellen[signal][positie];
}
