/**
 * Bad StatLine OData JSON (a TypedDataSet beside its DataProperties): a text value in a numeric
 * topic, a repeated region, a value array that is not an array, a cut file, a page without
 * companions. Built from the demo KWB 2020 OData files in a temp folder.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { balance, cliError, inspectJson, tempDir } from './corpus.js';

const src = join(process.cwd(), 'data/demo/kwb/synthetisch_kwb2020_84799NED_odata');
const root = tempDir('vk-odata-');
let n = 0;

/** A copy of the demo OData folder with TypedDataSet.json changed by `edit`; returns its path. */
function variant(edit: (doc: { value: Record<string, unknown>[] } & Record<string, unknown>) => unknown, raw?: (text: string) => string): string {
  const dir = join(root, `v${n++}`);
  mkdirSync(dir);
  for (const f of readdirSync(src)) copyFileSync(join(src, f), join(dir, f));
  const p = join(dir, 'TypedDataSet.json');
  const doc = JSON.parse(readFileSync(p, 'utf8'));
  const out = edit(doc) ?? doc;
  const text = JSON.stringify(out);
  writeFileSync(p, raw ? raw(text) : text);
  return p;
}

describe('StatLine OData JSON', () => {
  it('control: the unchanged copy reads 272 rows', async () => {
    const d = await inspectJson(variant(() => undefined));
    expect(d.kind).toBe('statline-odata');
    expect(d.report).toMatchObject({ rowsRead: 272, rowsKept: 272 });
  });
  it('a text value in a numeric topic names the row, the column and the unit', async () => {
    const p = variant((doc) => void (doc.value[5].AantalInwoners_5 = 'veel'));
    expect(await cliError(['inspect', p])).toMatch(new RegExp(`^veerkracht inspect: ${p}, feature 5, column "AantalInwoners_5": not a number; expected a number \\(aantal\\) or a missing symbol, found "veel"$`));
  });
  it('a repeated region row is a warning naming the row', async () => {
    const d = await inspectJson(variant((doc) => void doc.value.push({ ...doc.value[3], ID: 999 })));
    expect(d.warnings).toContain(`1 row repeats a region code (joins by code will see it twice), e.g. row 272: ${String(
      JSON.parse(readFileSync(join(src, 'TypedDataSet.json'), 'utf8')).value[3].WijkenEnBuurten,
    ).trim()}`);
    expect(balance(d.report)).toBe(0);
  });
  it('a negative count and a percentage above 100 are warnings', async () => {
    const d = await inspectJson(variant((doc) => {
      doc.value[2].AantalInwoners_5 = -10;
      doc.value[2].InBezitWoningcorporatie_42 = 140;
    }));
    expect(d.warnings).toContain('column "AantalInwoners_5" (aantal): 1 value below 0 (a count), e.g. row 2: -10');
    expect(d.warnings.some((w) => w.startsWith('column "InBezitWoningcorporatie_42" (%): ') && w.includes('row 2: 140'))).toBe(true);
  });
  it('a cut file: invalid JSON, one line', async () => {
    const p = variant(() => undefined, (t) => t.slice(0, 5000));
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}: invalid JSON; expected StatLine OData JSON, found Expected ',' or '}' after property value in JSON at position 5000`,
    );
  });
  it('value that is not an array: one line naming the file', async () => {
    const p = variant((doc) => ({ ...doc, value: { oops: true } }));
    expect(await cliError(['inspect', p])).toBe(`veerkracht inspect: ${p}: not an OData response; expected an object with a "value" array, found object`);
  });
  it('without DataProperties beside it the table still loads, with units unknown', async () => {
    const p = variant(() => undefined);
    unlinkSync(p.replace('TypedDataSet.json', 'DataProperties.json'));
    const r = await inspectJson(p);
    expect(r.report.rowsRead).toBe(272);
  });
});
