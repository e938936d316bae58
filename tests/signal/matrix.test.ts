import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, handelingskader, parseMatrix } from '../../src/signal/matrix.js';
import { SIGNAL_CATEGORIES } from '../../src/signal/categories.js';
import { FOCUS_CATEGORIES } from '../../src/signal/focus.js';

describe('Matrix handelingskaders', () => {
  it('the default covers every signal × position and says it is illustrative', () => {
    for (const s of SIGNAL_CATEGORIES) for (const f of FOCUS_CATEGORIES) expect(handelingskader(DEFAULT_MATRIX, s, f).kader.length).toBeGreaterThan(0);
    expect(DEFAULT_MATRIX.titel).toMatch(/illustratie/i);
    expect(DEFAULT_MATRIX.toelichting).toMatch(/niet de matrix uit de landelijke studie/);
    expect(parseMatrix(JSON.parse(JSON.stringify(DEFAULT_MATRIX)))).toEqual(DEFAULT_MATRIX);
  });

  it('a researcher\'s own matrix with a missing cell is refused naming the cell', () => {
    const own = JSON.parse(JSON.stringify(DEFAULT_MATRIX));
    delete own.cellen.geen_signaal.focus;
    expect(() => parseMatrix(own, 'eigen.json')).toThrow(/eigen\.json, column "cellen\.geen_signaal\.focus"/);
  });

  it('an unknown signal row is refused', () => {
    const own = JSON.parse(JSON.stringify(DEFAULT_MATRIX));
    own.cellen.alarm = {};
    expect(() => parseMatrix(own, 'eigen.json')).toThrow(/cellen\.alarm/);
  });
});
