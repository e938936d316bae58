/** Replay of an OGC API Features service built on the real Utrecht 2023 boundaries (read in place). */
import { readFileSync } from 'node:fs';
import { sharedData } from '../../helpers/shared.js';
import { json, type Reply } from './replay-server.js';

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

export const COLLECTIONS: Record<string, string> = {
  buurten: 'geo/buurten_2023_GM0344_utrecht_wgs84.geojson',
  wijken: 'geo/wijken_2023_GM0344_utrecht_wgs84.geojson',
};

/**
 * Replays the real Utrecht 2023 buurten/wijken as an OGC API Features service that pages by
 * `offset` with at most `cap` features per page and absolute `rel: next` links.
 */
export function ogcReplay(origin: () => string, cap: number, fault?: (url: URL, seen: number) => Reply | undefined) {
  return (u: URL, seen: number): Reply => {
    const m = /^\/ogc\/v1\/collections\/(\w+)\/items$/.exec(u.pathname);
    if (!m || !(m[1] in COLLECTIONS)) return { status: 404, body: 'Not Found' };
    const f = fault?.(u, seen);
    if (f) return f;
    const all = readJson(sharedData(COLLECTIONS[m[1]])).features;
    const limit = Math.min(cap, Number(u.searchParams.get('limit') ?? cap));
    const offset = Number(u.searchParams.get('offset') ?? 0);
    const features = all.slice(offset, offset + limit);
    const links = [{ rel: 'self', type: 'application/geo+json', href: `${origin()}${u.pathname}${u.search}` }];
    if (offset + limit < all.length) {
      links.push({ rel: 'next', type: 'application/geo+json', href: `${origin()}${u.pathname}?f=json&limit=${limit}&offset=${offset + limit}` });
    }
    return json({ type: 'FeatureCollection', numberReturned: features.length, features, links }, 200, { 'content-type': 'application/geo+json' });
  };
}

