/**
 * StatLine topic keys of the KWB editions the demo writes, with their ordinal drift. Keys marked
 * `verified` were checked against real files or published uses (the 2017 national export in
 * ../shared/data/kwb, the 2024 DataProperties, public code using 84799NED and 85318NED); the
 * others follow the same pattern but their ordinals are our assumption (see data/demo/README.md).
 */

/** Topics the demo writes. */
export type KwbConcept =
  | 'indeling'
  | 'inwoners'
  | 'huishoudens'
  | 'dichtheid'
  | 'woningen'
  | 'koop'
  | 'huurTotaal'
  | 'corporatie'
  | 'overigeHuur'
  | 'laagInkomen'
  | 'sociaalMinimum';

/** One KWB edition. */
export interface KwbEdition {
  year: number;
  tableId: string;
  keys: Readonly<Record<KwbConcept, string>>;
  /** Concepts whose key ordinal is verified against real data. */
  verified: readonly KwbConcept[];
}

/** StatLine Title, Unit and Decimals per concept (the title of the corporation share drifts too). */
export function topicMeta(concept: KwbConcept, year: number): { title: string; unit: string; decimals: number; datatype: string } {
  switch (concept) {
    case 'indeling':
      return { title: 'Indelingswijziging wijken en buurten', unit: 'code', decimals: 0, datatype: 'String' };
    case 'inwoners':
      return { title: 'Aantal inwoners', unit: 'aantal', decimals: 0, datatype: 'Long' };
    case 'huishoudens':
      return { title: 'Huishoudens totaal', unit: 'aantal', decimals: 0, datatype: 'Long' };
    case 'dichtheid':
      return { title: 'Bevolkingsdichtheid', unit: 'aantal inwoners per km²', decimals: 0, datatype: 'Long' };
    case 'woningen':
      return { title: 'Woningvoorraad', unit: 'aantal', decimals: 0, datatype: 'Long' };
    case 'koop':
      return { title: 'Koopwoningen', unit: '%', decimals: 0, datatype: 'Long' };
    case 'huurTotaal':
      return { title: 'Huurwoningen totaal', unit: '%', decimals: 0, datatype: 'Long' };
    case 'corporatie':
      return { title: year <= 2016 ? 'Huurwoningen in bezit woningcorporaties' : 'In bezit woningcorporatie', unit: '%', decimals: 0, datatype: 'Long' };
    case 'overigeHuur':
      return { title: year <= 2016 ? 'Huurwoningen in bezit overige verhuurders' : 'In bezit overige verhuurders', unit: '%', decimals: 0, datatype: 'Long' };
    case 'laagInkomen':
      return { title: 'Huishoudens met een laag inkomen', unit: '%', decimals: 1, datatype: 'Double' };
    case 'sociaalMinimum':
      return { title: 'Huish. onder of rond sociaal minimum', unit: '%', decimals: 1, datatype: 'Double' };
  }
}

const early = (n: { hh: number; dens: number; wo: number; koop: number; inc: number }): Record<KwbConcept, string> => ({
  indeling: 'IndelingswijzigingWijkenEnBuurten_4',
  inwoners: 'AantalInwoners_5',
  huishoudens: `HuishoudensTotaal_${n.hh}`,
  dichtheid: `Bevolkingsdichtheid_${n.dens}`,
  woningen: `Woningvoorraad_${n.wo}`,
  koop: `Koopwoningen_${n.koop}`,
  huurTotaal: `HuurwoningenTotaal_${n.koop + 1}`,
  corporatie: `HuurwoningenInBezitWoningcorporaties_${n.koop + 2}`,
  overigeHuur: `HuurwoningenInBezitOverigeVerhuurders_${n.koop + 3}`,
  laagInkomen: `HuishoudensMetEenLaagInkomen_${n.inc}`,
  sociaalMinimum: `HuishOnderOfRondSociaalMinimum_${n.inc + 1}`,
});

const late = (n: { hh: number; dens: number; wo: number; koop: number; inc: number }): Record<KwbConcept, string> => ({
  ...early(n),
  corporatie: `InBezitWoningcorporatie_${n.koop + 2}`,
  overigeHuur: `InBezitOverigeVerhuurders_${n.koop + 3}`,
});

/** The nine editions 2014–2022 (2020 is written as OData JSON, the others as CSV exports). */
export const KWB_EDITIONS: readonly KwbEdition[] = [
  { year: 2014, tableId: '82931NED', keys: early({ hh: 27, dens: 32, wo: 33, koop: 38, inc: 68 }), verified: ['inwoners'] },
  { year: 2015, tableId: '83220NED', keys: early({ hh: 28, dens: 33, wo: 34, koop: 39, inc: 70 }), verified: ['inwoners'] },
  { year: 2016, tableId: '83487NED', keys: early({ hh: 28, dens: 33, wo: 34, koop: 40, inc: 71 }), verified: ['inwoners', 'huishoudens'] },
  {
    year: 2017,
    tableId: '83765NED',
    keys: late({ hh: 28, dens: 33, wo: 34, koop: 40, inc: 72 }),
    verified: ['indeling', 'inwoners', 'dichtheid', 'laagInkomen', 'sociaalMinimum'],
  },
  { year: 2018, tableId: '84286NED', keys: late({ hh: 28, dens: 33, wo: 34, koop: 40, inc: 75 }), verified: ['inwoners'] },
  { year: 2019, tableId: '84583NED', keys: late({ hh: 28, dens: 33, wo: 34, koop: 40, inc: 78 }), verified: ['inwoners'] },
  { year: 2020, tableId: '84799NED', keys: late({ hh: 28, dens: 33, wo: 34, koop: 40, inc: 76 }), verified: ['inwoners', 'koop', 'corporatie', 'overigeHuur'] },
  { year: 2021, tableId: '85039NED', keys: late({ hh: 29, dens: 34, wo: 35, koop: 40, inc: 78 }), verified: ['inwoners', 'corporatie'] },
  { year: 2022, tableId: '85318NED', keys: late({ hh: 29, dens: 34, wo: 35, koop: 40, inc: 78 }), verified: ['inwoners', 'corporatie', 'laagInkomen'] },
];

/** The edition written as an OData v3 JSON folder instead of a CSV export. */
export const ODATA_EDITION_YEAR = 2020;
