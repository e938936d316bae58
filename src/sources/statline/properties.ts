/**
 * StatLine `DataProperties`: the table's dimensions, topic groups and topics (Key, Title, Unit,
 * Decimals). We flatten them to one {@link TopicInfo} per column with its group path.
 */

/** One entry of a `DataProperties` response (OData v3). */
export interface DataProperty {
  ID: number;
  ParentID?: number | null;
  Type: string;
  Key: string;
  Title: string;
  Description?: string | null;
  Unit?: string | null;
  Decimals?: number | null;
  Position?: number | null;
  MapYear?: number;
}

/** What we know about one column of a StatLine table. */
export interface TopicInfo {
  key: string;
  title?: string;
  /** Titles of the enclosing topic groups and the topic, joined with ` / `. */
  path?: string;
  unit?: string;
  decimals?: number;
  /** `Topic`, `Dimension`, `GeoDimension`, `GeoDetail`, `TimeDimension`. */
  type?: string;
}

/** Units of StatLine topics that hold text, not numbers. */
export const TEXT_UNITS: ReadonlySet<string> = new Set(['code', 'naam', 'omschrijving', 'tekst']);

/** Key stems of KWB region-indication topics that are text even in a keys-only export. */
export const TEXT_KEY_STEMS: ReadonlySet<string> = new Set([
  'WijkenEnBuurten',
  'Gemeentenaam',
  'SoortRegio',
  'Codering',
  'IndelingswijzigingWijkenEnBuurten',
  'IndelingswijzigingGemeenteWijkBuurt',
  'MeestVoorkomendePostcode',
  'Dekkingspercentage',
  'MateVanStedelijkheid',
  'Perioden',
  'RegioS',
]);

/**
 * Flatten DataProperties to one TopicInfo per key, with the group path of each topic.
 *
 * @example topicInfos(props).get('InBezitWoningcorporatie_49')?.path
 * // 'Wonen en vastgoed / Woningen naar eigendom / Huurwoningen / In bezit woningcorporatie'
 */
export function topicInfos(props: readonly DataProperty[]): Map<string, TopicInfo> {
  const byId = new Map<number, DataProperty>();
  for (const p of props) byId.set(p.ID, p);
  const out = new Map<string, TopicInfo>();
  for (const p of props) {
    if (p.Type === 'TopicGroup' || !p.Key) continue;
    const titles = [String(p.Title ?? '').trim()];
    let parent = p.ParentID ?? null;
    let guard = 0;
    while (parent !== null && guard++ < 50) {
      const g = byId.get(parent);
      if (!g) break;
      titles.unshift(String(g.Title ?? '').trim());
      parent = g.ParentID ?? null;
    }
    const info: TopicInfo = { key: p.Key, title: String(p.Title ?? '').trim(), path: titles.join(' / '), type: p.Type };
    if (p.Unit !== undefined && p.Unit !== null) info.unit = String(p.Unit).trim();
    if (p.Decimals !== undefined && p.Decimals !== null) info.decimals = p.Decimals;
    out.set(p.Key, info);
  }
  return out;
}
