import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sharedData } from '../helpers/shared.js';
import { loadStatlineCsv } from '../../src/sources/statline/csv-export.js';
import { topicInfos, type DataProperty } from '../../src/sources/statline/properties.js';
import { conceptValues, KWB_CONCEPTS, resolveConcept, type ConceptCandidate } from '../../src/sources/statline/concepts.js';
import { selectConcepts } from '../../src/sources/statline/select-concepts.js';
import type { LoadedTable } from '../../src/sources/types.js';

const PROPS_2024 = JSON.parse(readFileSync(sharedData('statline/85984NED_DataProperties.json'), 'utf8')) as DataProperty[];
const topics = (props: DataProperty[]): ConceptCandidate[] =>
  [...topicInfos(props).values()].map((t) => ({ name: t.key, sourceKey: t.key, title: t.title, unit: t.unit }));

let keys2017: LoadedTable;
let titles2017: LoadedTable;
let titles2019: LoadedTable;
beforeAll(() => {
  keys2017 = loadStatlineCsv(sharedData('kwb/kwb2017_83765NED_nl_22topics.csv'));
  titles2017 = loadStatlineCsv(sharedData('kwb/kwb2017_amsterdam_titles.csv'));
  titles2019 = loadStatlineCsv(sharedData('kwb/kwb2019_amsterdam_titles.csv'));
});

describe('concept registry on the real DataProperties of KWB 2024 (85984NED)', () => {
  const expected: Record<string, string> = {
    inwoners: 'AantalInwoners_5',
    huishoudens: 'HuishoudensTotaal_29',
    woningvoorraad: 'Woningvoorraad_35',
    corporatie_pct: 'InBezitWoningcorporatie_49',
    koopwoningen_pct: 'Koopwoningen_47',
    huurwoningen_pct: 'HuurwoningenTotaal_48',
    woz_gemiddeld: 'GemiddeldeWOZWaardeVanWoningen_39',
    laag_inkomen_huishoudens_pct: 'HuishoudensMetEenLaagInkomen_89',
    sociaal_minimum_pct: 'HuishOnderOfRondSociaalMinimum_90',
    inkomen_40pct_laagste_pct: 'k_40PersonenMetLaagsteInkomen_84',
    bijstand: 'PersonenPerSoortUitkeringBijstand_94',
    eenpersoonshuishoudens: 'Eenpersoonshuishoudens_30',
    stedelijkheid: 'MateVanStedelijkheid_127',
    omgevingsadressendichtheid: 'Omgevingsadressendichtheid_128',
    inkomen_per_inwoner: 'GemiddeldInkomenPerInwoner_83',
    bevolkingsdichtheid: 'Bevolkingsdichtheid_34',
  };
  for (const [id, key] of Object.entries(expected)) {
    it(`${id} → ${key} by title, without ambiguity`, () => {
      const r = resolveConcept(topics(PROPS_2024), id);
      expect(r.status).toBe('found');
      if (r.status !== 'found') return;
      expect(r.column).toBe(key);
      expect(r.via).toBe('title');
      expect(r.alternatives).toEqual([]);
    });
  }
  it('does not take Niet-woningvoorraad for woningvoorraad, and derives % one-person households', () => {
    const r = resolveConcept(topics(PROPS_2024), 'eenpersoonshuishoudens_pct');
    expect(r).toMatchObject({ status: 'derived', numerator: 'Eenpersoonshuishoudens_30', denominator: 'HuishoudensTotaal_29' });
  });
  it('every registry concept is found in 2024', () => {
    for (const c of KWB_CONCEPTS) expect(resolveConcept(topics(PROPS_2024), c.id).status).not.toBe('absent');
  });
  it('says clearly when an edition lacks a concept (2024 metadata with poverty reported as PersonenInArmoede)', () => {
    const planted = PROPS_2024.map((p) =>
      p.Key === 'HuishoudensMetEenLaagInkomen_89' ? { ...p, Key: 'PersonenInArmoede_89', Title: 'Personen in armoede' } : p,
    );
    const r = resolveConcept(topics(planted), 'laag_inkomen_huishoudens_pct');
    expect(r.status).toBe('absent');
    if (r.status === 'absent') expect(r.message).toMatch(/no column for "laag_inkomen_huishoudens_pct" \(Huishoudens met een laag inkomen\)/);
  });
});

describe('concept registry on the real 2017 exports', () => {
  it('resolves the 2017 keys file by key stem (no titles there)', () => {
    const ids = ['inwoners', 'woz_gemiddeld', 'inkomen_40pct_laagste_pct', 'laag_inkomen_huishoudens_pct', 'sociaal_minimum_pct', 'inkomen_per_inwoner', 'bevolkingsdichtheid'];
    const cols = ids.map((id) => {
      const r = resolveConcept(keys2017, id);
      return r.status === 'found' ? `${r.column}/${r.via}` : r.status;
    });
    expect(cols).toEqual([
      'AantalInwoners_5/key',
      'GemiddeldeWoningwaarde_35/key',
      'k_40PersonenMetLaagsteInkomen_67/key',
      'HuishoudensMetEenLaagInkomen_72/key',
      'HuishOnderOfRondSociaalMinimum_73/key',
      'GemiddeldInkomenPerInwoner_66/key',
      'Bevolkingsdichtheid_33/key',
    ]);
  });
  it('says the 22-topic 2017 file lacks the corporation share, naming the edition', () => {
    const r = resolveConcept(keys2017, 'corporatie_pct');
    expect(r.status).toBe('absent');
    if (r.status === 'absent') expect(r.message).toMatch(/^KWB 2017 \(83765NED\) has no column for "corporatie_pct"/);
    expect(() => conceptValues(keys2017, 'corporatie_pct')).toThrow(/KWB 2017 \(83765NED\) has no column/);
  });
  it('resolves every concept in the R-mangled title exports of 2017 and 2019', () => {
    for (const t of [titles2017, titles2019]) {
      for (const c of KWB_CONCEPTS) {
        const r = resolveConcept(t, c.id);
        expect(r.status, `${c.id}`).not.toBe('absent');
        if (r.status === 'found') expect(r.alternatives, c.id).toEqual([]);
      }
    }
    const r = resolveConcept(titles2017, 'corporatie_pct');
    expect(r.status === 'found' && r.column).toBe('Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....');
  });
  it('gives the same inhabitants and low-income shares for Amsterdam from the title export as from the key export', () => {
    const sel = (t: LoadedTable) => {
      const s = selectConcepts(t, ['inwoners', 'laag_inkomen_huishoudens_pct']);
      const code = s.table.array('code') as string[];
      const m = new Map<string, [number | null, number | null]>();
      const a = s.table.array('inwoners') as (number | null)[];
      const b = s.table.array('laag_inkomen_huishoudens_pct') as (number | null)[];
      code.forEach((c, i) => m.set(c, [a[i], b[i]]));
      return m;
    };
    const k = sel(keys2017);
    const t = sel(titles2017);
    expect(t.size).toBe(580);
    let compared = 0;
    for (const [c, v] of t) {
      if (!c.startsWith('BU0363') && !c.startsWith('WK0363') && c !== 'GM0363' && c !== 'NL00') continue;
      expect(k.get(c), c).toEqual(v);
      compared++;
    }
    expect(compared).toBe(580);
    expect(t.get('GM0363')![0]).toBe(844947);
  });
  it('computes % one-person households (2017 NL: 2,961,228 of 7,794,075)', () => {
    const v = conceptValues(titles2017, 'eenpersoonshuishoudens_pct');
    expect(v[0]).toBeCloseTo((2961228 / 7794075) * 100, 10);
  });
  it('selectConcepts keeps absent concepts as null columns with a warning, never 0', () => {
    const s = selectConcepts(keys2017, ['inwoners', 'corporatie_pct']);
    expect(s.table.columnNames()).toEqual(['code', 'level', 'gemeente', 'inwoners', 'corporatie_pct']);
    expect((s.table.array('corporatie_pct') as unknown[]).every((v) => v === null)).toBe(true);
    expect(s.columns.find((c) => c.name === 'corporatie_pct')?.missing).toBe(16653);
    expect(s.report.warnings.some((w) => w.includes('corporatie_pct'))).toBe(true);
    expect(s.columns.find((c) => c.name === 'inwoners')).toMatchObject({ concept: 'inwoners', sourceKey: 'AantalInwoners_5', missing: 0 });
  });
});
