import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributesByCode } from '../../src/export/geojson.js';
import { writeCsvFile, writeSummaryJson } from '../../src/export/files.js';
import { writeFigureFiles, writeHtmlFile } from '../../src/viz/files.js';
import { signalMapSpec } from '../../src/viz/maps/signal.js';
import { VeerkrachtError } from '../../src/util/errors.js';
import { GRID_CODES, grid } from '../viz/fixtures.js';

describe('file writers', () => {
  it('write SVG and PNG of a map, and nothing else (no temp files left)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-files-'));
    const spec = signalMapSpec(grid(), new Map([[GRID_CODES[0], 'veerkracht_onder_druk']]), { title: 'Kaart', synthetic: true, width: 120, height: 120 });
    const paths = await writeFigureFiles(dir, 'signaleringskaart', spec, { scale: 1 });
    expect(readdirSync(dir).sort()).toEqual(['signaleringskaart.png', 'signaleringskaart.svg']);
    expect(readFileSync(paths.svg, 'utf8')).toMatch(/^<svg [^>]*>/);
    const png = readFileSync(paths.png);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width = the SVG width at scale 1
    const svgWidth = Number(/width="(\d+)"/.exec(readFileSync(paths.svg, 'utf8'))![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth);
    await expect(writeFigureFiles(dir, '../buiten', spec)).rejects.toThrow(VeerkrachtError);
  });

  it('write the HTML page, CSV and summary JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-files-'));
    writeHtmlFile(join(dir, 'k.html'), { mark: 'point' }, { title: 'K' });
    expect(readFileSync(join(dir, 'k.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    writeCsvFile(join(dir, 's.csv'), [{ a: -1.5 }], { dialect: 'excel-nl' });
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toBe('\uFEFFa\r\n-1,5\r\n');
    writeSummaryJson(join(dir, 'samenvatting.json'), { b: 1, a: 2 });
    expect(readFileSync(join(dir, 'samenvatting.json'), 'utf8')).toBe('{\n  "a": 2,\n  "b": 1\n}\n');
  });
});

describe('attributesByCode', () => {
  it('keys rows by code and cleans values', () => {
    const m = attributesByCode([{ code: 'BU1', dK: Number.NaN, cat: 'x' }, { code: 'BU2', dK: 1 }]);
    expect(m.get('BU1')).toEqual({ dK: null, cat: 'x' });
    expect(m.get('BU2')).toEqual({ dK: 1 });
  });
  it('rejects a missing or duplicate code with the row', () => {
    expect(() => attributesByCode([{ code: 'BU1' }, { code: 'BU1' }])).toThrow(/line 2.*twice|twice/);
    expect(() => attributesByCode([{ code: null }])).toThrow(VeerkrachtError);
  });
});
