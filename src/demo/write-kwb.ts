/**
 * KWB editions in the two forms researchers get them: a StatLine CSV export with topic keys
 * (comma separated, UTF-8 with BOM, codes and names space padded, `.` for suppressed values, as
 * in the real 2017 national export) and an OData v3 JSON folder (TableInfos, DataProperties,
 * TypedDataSet and the WijkenEnBuurten code list) whose table title and a provenance field say
 * it is synthetic.
 */
import { padLeft, padRight, utf8 } from './format.js';
import { KWB_EDITIONS, topicMeta, type KwbConcept, type KwbEdition } from './kwb-keys.js';
import { kwbRows, type KwbRow } from './kwb-rows.js';
import type { DemoModel } from './model.js';
import { INDELING_CHANGE_YEAR } from './options.js';

/** Provenance note put in every synthetic JSON file. */
export const SYNTHETIC_NOTE = 'SYNTHETISCH: fictieve demoregio gegenereerd door veerkracht (src/demo); geen echte CBS-gegevens';

const ordinal = (key: string): number => Number(key.slice(key.lastIndexOf('_') + 1));

/** Concepts of an edition in key-ordinal order (as StatLine lists them). */
export function conceptOrder(ed: KwbEdition): KwbConcept[] {
  return (Object.keys(ed.keys) as KwbConcept[]).sort((a, b) => ordinal(ed.keys[a]) - ordinal(ed.keys[b]));
}

/** File name of an edition's CSV export inside the output folder. */
export function kwbCsvName(ed: KwbEdition): string {
  return `kwb/synthetisch_kwb${ed.year}_${ed.tableId}.csv`;
}

/** Folder of the OData JSON edition inside the output folder. */
export function kwbODataDir(ed: KwbEdition): string {
  return `kwb/synthetisch_kwb${ed.year}_${ed.tableId}_odata`;
}

/** The CSV export of one edition (bytes: BOM + UTF-8, LF line ends). */
export function kwbCsv(model: DemoModel, ed: KwbEdition): Uint8Array {
  const rows = kwbRows(model, ed.year);
  const concepts = conceptOrder(ed);
  const lines = [['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', ...concepts.map((c) => ed.keys[c])].join(',')];
  rows.forEach((r, id) => {
    const cells = [String(id), padRight(r.code, 10), padRight(r.gemeentenaam, 40), padRight(r.soort, 10), padRight(r.code, 10)];
    for (const c of concepts) {
      const v = r.values[c];
      if (c === 'indeling') cells.push(v === null ? '.' : String(v));
      else cells.push(v === null ? padLeft('.', 8) : String(v));
    }
    lines.push(cells.join(','));
  });
  return utf8(lines.join('\n') + '\n', true);
}

/** The OData v3 JSON files of one edition, keyed by file name inside kwbODataDir(ed). */
export function kwbOData(model: DemoModel, ed: KwbEdition): Map<string, Uint8Array> {
  const rows: KwbRow[] = kwbRows(model, ed.year);
  const concepts = conceptOrder(ed);
  const base = `https://opendata.cbs.nl/ODataApi/OData/${ed.tableId}`;
  const wrap = (entity: string, value: unknown[]): Uint8Array =>
    utf8(JSON.stringify({ 'odata.metadata': `${base}/$metadata#Cbs.OData.WebAPI.${entity}`, 'veerkracht.provenance': SYNTHETIC_NOTE, value }));
  const title = `Kerncijfers wijken en buurten ${ed.year} (SYNTHETISCH, fictieve demoregio)`;
  const tableInfos = [
    {
      ID: 0,
      Title: title,
      ShortTitle: title,
      Identifier: ed.tableId,
      Summary: 'Synthetische kerncijfers van een fictieve regio in het formaat van CBS StatLine',
      Modified: `${ed.year + 1}-01-01T00:00:00`,
      ReasonDelivery: 'Synthetisch',
      ExplanatoryText: SYNTHETIC_NOTE,
      Language: 'nl',
      Catalog: 'CBS',
      Frequency: 'Perjaar',
      Period: String(ed.year),
      ShortDescription: SYNTHETIC_NOTE,
      Description: SYNTHETIC_NOTE,
      DefaultPresentation: '',
      DefaultSelection: '',
      GraphTypes: '',
      OutputStatus: 'Regulier',
      Source: 'veerkracht demo-generator (synthetisch)',
      MetaDataModified: `${ed.year + 1}-01-01T00:00:00`,
      SearchPriority: '1',
    },
  ];
  const props: Record<string, unknown>[] = [
    { 'odata.type': 'Cbs.OData.GeoDetail', ID: 0, Position: 0, ParentID: null, Type: 'GeoDetail', Key: 'WijkenEnBuurten', Title: 'Wijken en buurten', Description: '', MapYear: ed.year },
    { 'odata.type': 'Cbs.OData.TopicGroup', ID: 1, Position: null, ParentID: null, Type: 'TopicGroup', Key: '', Title: 'Regioaanduiding', Description: null },
  ];
  const topic = (id: number, pos: number, parent: number, key: string, title: string, datatype: string, unit: string, decimals: number): Record<string, unknown> => ({
    'odata.type': 'Cbs.OData.Topic',
    ID: id,
    Position: pos,
    ParentID: parent,
    Type: 'Topic',
    Key: key,
    Title: title,
    Description: null,
    Datatype: datatype,
    Unit: unit,
    Decimals: decimals,
    Default: 'Impossible',
    PresentationType: unit === '%' ? 'Relative' : unit === 'aantal' ? 'Absolute' : '',
  });
  props.push(topic(2, 1, 1, 'Gemeentenaam_1', 'Gemeentenaam', 'String', 'naam', 0));
  props.push(topic(3, 2, 1, 'SoortRegio_2', 'Soort regio', 'String', 'omschrijving', 0));
  props.push(topic(4, 3, 1, 'Codering_3', 'Codering', 'String', 'code', 0));
  let id = 5;
  let pos = 4;
  for (const c of concepts) {
    const m = topicMeta(c, ed.year);
    props.push(topic(id++, pos++, 1, ed.keys[c], m.title, m.datatype, m.unit, m.decimals));
  }
  const data = rows.map((r, i) => {
    const o: Record<string, unknown> = {
      ID: i,
      WijkenEnBuurten: padRight(r.code, 10),
      Gemeentenaam_1: padRight(r.gemeentenaam, 40),
      SoortRegio_2: padRight(r.soort, 10),
      Codering_3: padRight(r.code, 10),
    };
    for (const c of concepts) o[ed.keys[c]] = r.values[c];
    return o;
  });
  const names = new Map<string, string>();
  for (const g of model.region.gemeenten) names.set(g.code, g.naam);
  for (const w of model.region.wijken) names.set(w.code, w.naam);
  const indeling = ed.year < INDELING_CHANGE_YEAR ? model.region.indelingA : model.region.indelingB;
  for (const b of indeling) names.set(b.code, b.naam);
  const codeList = rows.map((r) => ({ Key: padRight(r.code, 10), Title: r.soort === 'Land' ? r.gemeentenaam : names.get(r.code) ?? r.code, Description: null }));
  return new Map([
    ['TableInfos.json', wrap('TableInfos', tableInfos)],
    ['DataProperties.json', wrap('DataProperties', props)],
    ['TypedDataSet.json', wrap('TypedDataSet', data)],
    ['WijkenEnBuurten.json', wrap('WijkenEnBuurten', codeList)],
  ]);
}

/** All KWB editions as files (path inside the output folder → bytes). */
export function kwbFiles(model: DemoModel, odataYear: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const ed of KWB_EDITIONS) {
    if (ed.year === odataYear) {
      for (const [name, bytes] of kwbOData(model, ed)) out.set(`${kwbODataDir(ed)}/${name}`, bytes);
    } else out.set(kwbCsvName(ed), kwbCsv(model, ed));
  }
  return out;
}
